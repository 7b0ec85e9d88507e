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

/// <summary>A correction of the record at <paramref name="Version"/>, with why it is corrected.</summary>
public sealed record CorrectRecordCommand(Guid SessionId, RecordContent Content, string? Reason, int Version);

/// <summary>
/// A record is never edited in place: a correction is a new version beside the earlier ones, with its reason. A
/// correction made from a version someone else has already corrected is refused as a conflict.
/// </summary>
public sealed class CorrectRecord(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, CorrectRecordCommand command, CancellationToken ct)
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
            return Outcome<Guid>.Forbidden("Corrections are made by the session's supervisor, or the child's social worker.");
        }
        var record = await db.ContactRecords.Include(r => r.Versions).FirstOrDefaultAsync(r => r.SessionId == command.SessionId, ct);
        if (record is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (record.Version != command.Version)
        {
            return Outcome<Guid>.Conflict();
        }
        db.Entry(record).Property(r => r.Version).OriginalValue = command.Version;
        // A correction adds a version beside the record; marking the record changed moves its version on, so
        // a second correction made from the same starting point is refused instead of silently stacking.
        db.Entry(record).Property(r => r.Version).IsModified = true;
        var content = command.Content;
        var errors = record.Correct(content, command.Reason, f.Type == ArrangementType.Assessed, clock.Sign(child.Actor));
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (content.EndedEarly != (f.Session.Status == SessionStatus.EndedEarly))
        {
            f.Session.MarkRecorded(clock.GetUtcNow().UtcDateTime, content.EndedEarly ? SessionStatus.EndedEarly : SessionStatus.TookPlace);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.ContactRecord, record.Id, child.ChildId,
            JsonSerializer.Serialize(new { Version = record.Current.Number, Reason = command.Reason?.Trim() }))], record.Id, ct);
    }
}
