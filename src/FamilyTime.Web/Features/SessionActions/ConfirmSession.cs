using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>What a family action did to a session: whether anything changed (a repeated confirmation changes nothing).</summary>
public sealed record SessionActionDone(Guid SessionId, bool Changed);

/// <summary>
/// A family member confirms they are coming to a session still ahead. Confirming again changes nothing and sends
/// nothing. A confirmation after the deadline, while the session is still ahead, puts it back on: the carer and the
/// supervisor are told it is on again and the social worker's task closes.
/// </summary>
public sealed class ConfirmSession(FamilyTimeDbContext db, FamilySessions sessions, SessionAlerts alerts, TaskList tasks, AuditedSave audit)
{
    public async Task<Outcome<SessionActionDone>> HandleAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<SessionActionDone>(ChildOperation.ViewOwnFamilyTime) is { } refused)
        {
            return refused;
        }
        var outcome = await TryAsync(child, sessionId, ct);
        if (outcome.Kind != OutcomeKind.Conflict)
        {
            return outcome;
        }
        // Two confirmations at once (a double tap, a retry): the other one stands, and this one is harmless.
        db.ChangeTracker.Clear();
        var again = await sessions.FindAsync(child, sessionId, track: false, ct);
        return again?.Session.ConfirmedAt is not null ? Outcome<SessionActionDone>.Ok(new(sessionId, false)) : outcome;
    }

    private async Task<Outcome<SessionActionDone>> TryAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        if (await sessions.FindAsync(child, sessionId, track: true, ct) is not { } f)
        {
            return Outcome<SessionActionDone>.NotFound();
        }
        var s = f.Session;
        var result = s.Confirm(child.Actor.UserId, f.PersonName, sessions.Now());
        if (result.Refusal is { } refusal)
        {
            return Outcome<SessionActionDone>.Invalid("", refusal);
        }
        if (!result.Changed)
        {
            return Outcome<SessionActionDone>.Ok(new(s.Id, false));
        }
        if (result.Reinstated)
        {
            var childName = child.PreferredName ?? child.FirstName;
            await alerts.TellAsync(s, SessionActionKeys.OnAgain(s), "Family time is on again", name => string.Join("\n\n",
                $"Dear {name},",
                $"{f.PersonName} has now confirmed they are coming to family time with {childName} on {SessionAlerts.When(s.Date, s.StartTime)}.",
                "Earlier we told you not to set off because they had not confirmed by the deadline. The session is on again: please go ahead as planned."), ct);
            await tasks.CompleteAsync(SessionActionKeys.UnconfirmedTask(s), child.Actor.UserId, ct);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Session, s.Id, child.ChildId,
            AuditedSave.ChangesOf(db.Entry(s)))], new SessionActionDone(s.Id, true), ct);
    }
}
