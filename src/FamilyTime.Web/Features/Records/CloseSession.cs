using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Records;

/// <summary>What became of a session that did not produce a record (a cancellation, a no-show, a decline…), why, and for a cancellation by us the coded reason.</summary>
public sealed record CloseSessionCommand(Guid SessionId, SessionStatus? Outcome, string? Reason, ServiceCancellationReason? CancellationReason = null);

/// <summary>
/// Closes a session off. The child's social worker or their team manager does this; the supervisor writes the
/// record, which is the only way a supervised, assessed or facilitated session is closed as held. The risk gate
/// and the coded reasons for our cancellations are the session's own rules.
/// </summary>
public sealed class CloseSession(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit, TimeProvider clock, Portal.Carer.CarerAlerts carers)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, CloseSessionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (!child.Can(ChildOperation.ShareWithFamily))
        {
            return Outcome<Guid>.Forbidden("Sessions are closed off by the child's social worker or their team manager.");
        }
        if (await facts.LoadAsync(child, command.SessionId, ct) is not { } f)
        {
            return Outcome<Guid>.NotFound();
        }
        var session = f.Session;
        var errors = session.Close(new SessionClosing(command.Outcome, command.Reason, command.CancellationReason), f.Rules,
            child.Actor.UserId, clock.GetUtcNow().UtcDateTime, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (Domain.Carers.SessionChangeRules.From(session.Status) is { } change)
        {
            await carers.QueueAsync(session.Id, change, session.OutcomeReason, ct);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Session, session.Id, child.ChildId,
            AuditedSave.ChangesOf(db.Entry(session)))], session.Id, ct);
    }
}
