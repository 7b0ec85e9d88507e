using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Suspensions;

public sealed record PlanChangeAgreed(DateOnly? AgreedOn, string? Agreement);

/// <summary>
/// For a child whom section 34 does not cover (section 20, a placement order): instead of a court application, family
/// time stays paused, under section 20 only with the parents' agreement, while a change to the plan goes to the IRO.
/// The suspension's tasks are done; the change itself is proposed on the arrangement, as every major change is.
/// </summary>
public sealed class AgreePlanChange(SuspensionStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid suspensionId, PlanChangeAgreed command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        return step.TakeAsync(child, suspensionId, "PlanChangeAgreed",
            s => s.AgreePlanChange(command.AgreedOn, command.Agreement, clock.Today(), child.LegalStatus), SuspensionFollowUp.Decided, null, ct);
    }
}
