using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Changes;

public sealed record IroDecisionMade(IroDecision Decision, string? Reasons, DateOnly? ReviewOn);

/// <summary>
/// The child's IRO decides: the change is agreed without a review (the social worker goes on to the court or the
/// notices), or a child in care review is convened (the IRO records its outcome on the day).
/// </summary>
public sealed class DecideAsIro(ChangeStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid changeId, IroDecisionMade command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        return step.TakeAsync(child, ChildOperation.DecideAsIro, changeId, "IroDecision", p =>
        {
            var errors = p.DecideAsIro(command.Decision, command.Reasons, command.ReviewOn, clock.Sign(child.Actor), clock.Today());
            return Task.FromResult(errors.IsValid ? new StepTaken(errors, ChangeFollowUps.IroDecided(p, child, child.Actor.UserId)) : StepTaken.Refused(errors));
        }, ct);
    }
}
