using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Changes;

/// <summary>Withdraws a proposal that has not taken effect; every task about it is done.</summary>
public sealed class WithdrawChange(ChangeStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid changeId, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return step.TakeAsync(child, ChildOperation.ManageChanges, changeId, "Withdrawn", p =>
        {
            var errors = p.Withdraw(reason, clock.Sign(child.Actor));
            return Task.FromResult(errors.IsValid ? new StepTaken(errors, ChangeFollowUps.Closed(p)) : StepTaken.Refused(errors));
        }, ct);
    }
}
