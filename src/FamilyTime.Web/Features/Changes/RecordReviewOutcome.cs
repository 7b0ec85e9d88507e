using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Changes;

public sealed record ReviewOutcomeRecorded(bool? Agreed, string? Notes);

/// <summary>The IRO records whether the convened child in care review agreed the change; if it did not, the change stops here.</summary>
public sealed class RecordReviewOutcome(ChangeStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid changeId, ReviewOutcomeRecorded command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        return step.TakeAsync(child, ChildOperation.DecideAsIro, changeId, "ReviewOutcome", p =>
        {
            var errors = p.RecordReview(command.Agreed, command.Notes, clock.Sign(child.Actor), clock.Today());
            return Task.FromResult(errors.IsValid ? new StepTaken(errors, ChangeFollowUps.ReviewRecorded(p, child)) : StepTaken.Refused(errors));
        }, ct);
    }
}
