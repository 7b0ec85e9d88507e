using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>The social worker records talking the suspension through with the team manager, or with the IRO.</summary>
public sealed class RecordSuspensionDiscussion(SuspensionStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid suspensionId, bool withManager, DateOnly? on, CancellationToken ct) =>
        step.TakeAsync(child, suspensionId, withManager ? "DiscussedWithManager" : "DiscussedWithIro",
            s => s.RecordDiscussion(withManager, on, clock.Today()), SuspensionFollowUp.Discussed, null, ct);
}
