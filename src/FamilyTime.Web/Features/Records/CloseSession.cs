using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>What became of a session that did not produce a record (a cancellation, a no-show, a decline…), and why.</summary>
public sealed record CloseSessionCommand(Guid SessionId, SessionStatus? Outcome, string? Reason);

/// <summary>
/// Closes a session off. The child's social worker or their team manager does this; the supervisor writes the
/// record, which closes a session that took place.
/// </summary>
public sealed class CloseSession(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, CloseSessionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (!child.Can(ChildOperation.ShareWithFamily))
        {
            return Outcome<Guid>.Forbidden("Sessions are closed off by the child's social worker or their team manager.");
        }
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId && s.ChildId == child.ChildId, ct);
        if (session is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = session.Close(command.Outcome, command.Reason, child.Actor.UserId, clock.GetUtcNow().UtcDateTime, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Session, session.Id, child.ChildId,
            AuditedSave.ChangesOf(db.Entry(session)))], session.Id, ct);
    }
}
