using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

public sealed record SubmitRecordCommand(Guid SessionId, RecordContent Content);

/// <summary>
/// The first version of a session's record, by its supervisor or the child's social worker: it goes to the social
/// worker to read, and must be shared with the family within the configured months.
/// </summary>
public sealed class SubmitRecord(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit, IConfiguration config, TimeProvider clock, Portal.Carer.CarerAlerts carers)
{
    private int ShareWithinMonths => config.GetValue("Records:ShareWithinMonths", 3);

    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, SubmitRecordCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        var f = await facts.LoadAsync(child, command.SessionId, ct);
        if (f is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!f.CanWrite)
        {
            return Outcome<Guid>.Forbidden("The record is written by the session's supervisor, or the child's social worker.");
        }
        if (!f.NeedsRecord)
        {
            return Outcome<Guid>.Invalid("", "Unsupervised family time has no session record: the carer checks with the child before and after.");
        }
        if (f.Session.Date > clock.Today())
        {
            return Outcome<Guid>.Invalid("", $"This session is on {f.Session.Date:d MMMM yyyy}: it can be recorded from that day.");
        }
        if (await db.ContactRecords.AnyAsync(r => r.SessionId == command.SessionId, ct))
        {
            return Outcome<Guid>.Invalid("", "This session already has a record. To change it, add a correction: the first version stays readable.");
        }
        // A record says the session was held: behind the risk gate it waits for the risk assessment first.
        if (f.HeldRefusal is { } gate)
        {
            return Outcome<Guid>.Invalid("", gate);
        }
        var content = command.Content;
        var (record, errors) = ContactRecord.Submit(command.SessionId, child.ChildId, child.SocialWorkerId, f.Type == ArrangementType.Assessed, content,
            f.Session.Date.AddMonths(ShareWithinMonths), clock.Sign(child.Actor));
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.ContactRecords.Add(record!);
        f.Session.MarkRecorded(clock.GetUtcNow().UtcDateTime, content.EndedEarly ? SessionStatus.EndedEarly : SessionStatus.TookPlace);
        if (content.EndedEarly)
        {
            await carers.QueueAsync(f.Session.Id, Domain.Carers.SessionChange.EndedEarly, content.EndedEarlyReason, ct);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Create, AuditRecord.ContactRecord, record!.Id, child.ChildId,
            JsonSerializer.Serialize(new { Version = 1, content.EndedEarly }))], record.Id, ct);
    }
}
