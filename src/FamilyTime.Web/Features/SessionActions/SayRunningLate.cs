using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>
/// "I'm running late": the family member says how many minutes (5 to 120); the latest word wins, and the carer and
/// the supervisor are told so nobody thinks they are not coming. Saying the same again sends nothing.
/// </summary>
public sealed class SayRunningLate(FamilyTimeDbContext db, FamilySessions sessions, SessionAlerts alerts, AuditedSave audit)
{
    public async Task<Outcome<SessionActionDone>> HandleAsync(ChildContext child, Guid sessionId, int? minutes, CancellationToken ct)
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
        var key = SessionActionKeys.RunningLate(s, minutes ?? 0);
        var result = s.SayRunningLate(minutes, sessions.Now());
        if (result.Problem is { } problem)
        {
            return Outcome<SessionActionDone>.Invalid(result.Field ?? "", problem);
        }
        if (!result.Changed)
        {
            return Outcome<SessionActionDone>.Ok(new(s.Id, false));
        }
        var childName = child.PreferredName ?? child.FirstName;
        await alerts.TellAsync(s, key, "Running late for family time", name => string.Join("\n\n",
            $"Dear {name},",
            $"{f.PersonName} has let us know they are running about {s.RunningLateMinutes} minutes late for family time with {childName} on {SessionAlerts.When(s.Date, s.StartTime)}.",
            "They are still coming. You do not need to reply."), ct);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Session, s.Id, child.ChildId,
            AuditedSave.ChangesOf(db.Entry(s)))], new SessionActionDone(s.Id, true), ct);
    }
}
