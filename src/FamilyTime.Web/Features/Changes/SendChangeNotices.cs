using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// Writes the notices of an agreed change into the outbox: the people in the arrangement, the carers, and the child
/// through their social worker. A family notice that would give away where the child lives stops the step.
/// </summary>
public sealed class SendChangeNotices(ChangeStep step, ChangeNotices notices, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid changeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return step.TakeAsync(child, ChildOperation.ManageChanges, changeId, "NoticesSent", async p =>
        {
            var errors = p.SendNotices(clock.Sign(child.Actor));
            if (!errors.IsValid)
            {
                return StepTaken.Refused(errors);
            }
            var leaks = await notices.QueueAsync(p, child, ct);
            if (leaks.Count > 0)
            {
                return StepTaken.Refused(new ValidationErrors().Add("", $"The notice to the family would mention {string.Join(" and ", leaks)}, which tells them where the child lives. Withdraw this proposal and propose it again without it in the reasons."));
            }
            return new StepTaken(errors, ChangeFollowUps.NoticesSent(p, child, child.Actor.UserId));
        }, ct);
    }
}
