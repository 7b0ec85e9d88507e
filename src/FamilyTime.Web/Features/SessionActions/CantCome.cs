using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>
/// "I can't come": the family member says why, and the session is closed as cancelled by the parent. The carer and
/// the supervisor are told it will not go ahead, so nobody sets off; the reason stays on the record for the social
/// worker, not in their messages. Saying it again about a session already cancelled changes nothing.
/// </summary>
public sealed class CantCome(FamilyTimeDbContext db, FamilySessions sessions, SessionAlerts alerts, AuditedSave audit)
{
    public async Task<Outcome<SessionActionDone>> HandleAsync(ChildContext child, Guid sessionId, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<SessionActionDone>(ChildOperation.ViewOwnFamilyTime) is { } refused)
        {
            return refused;
        }
        if (await sessions.FindAsync(child, sessionId, track: true, ct) is not { } f)
        {
            return Outcome<SessionActionDone>.NotFound();
        }
        var s = f.Session;
        if (s.Status == SessionStatus.CancelledByParent && s.ClosedById == child.Actor.UserId)
        {
            // A retried form: already done.
            return Outcome<SessionActionDone>.Ok(new(s.Id, false));
        }
        var result = s.CancelByFamily(reason, child.Actor.UserId, sessions.Now());
        if (result.Refusal is { } refusal)
        {
            return Outcome<SessionActionDone>.Invalid("", refusal);
        }
        if (result.Errors is { } errors)
        {
            return Outcome<SessionActionDone>.Invalid(errors);
        }
        var childName = child.PreferredName ?? child.FirstName;
        await alerts.TellAsync(s, SessionActionKeys.CantCome(s), "Family time will not go ahead", name => string.Join("\n\n",
            $"Dear {name},",
            $"{f.PersonName} has let us know they can’t come to family time with {childName} on {SessionAlerts.When(s.Date, s.StartTime)}, so the session will not go ahead.",
            "There is no need to set off. The social worker can see this in FamilyTime."), ct);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Session, s.Id, child.ChildId,
            AuditedSave.ChangesOf(db.Entry(s)))], new SessionActionDone(s.Id, true), ct);
    }
}
