using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Changes;

public sealed record CourtAgreementRecorded(DateOnly? AgreedOn, string? Reference);

/// <summary>In care proceedings the family court must agree the change: the social worker records the date and the order.</summary>
public sealed class RecordCourtAgreement(ChangeStep step, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid changeId, CourtAgreementRecorded command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        return step.TakeAsync(child, ChildOperation.ManageChanges, changeId, "CourtAgreement", p =>
        {
            var errors = p.RecordCourt(command.AgreedOn, command.Reference, clock.Sign(child.Actor), clock.Today());
            return Task.FromResult(errors.IsValid ? new StepTaken(errors, ChangeFollowUps.CourtRecorded(p, child)) : StepTaken.Refused(errors));
        }, ct);
    }
}
