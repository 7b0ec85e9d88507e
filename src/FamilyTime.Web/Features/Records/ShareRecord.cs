using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>
/// Shares a record's observations with the family, as a reviewed step: the worker has seen exactly what each family
/// member will read (<see cref="ParentRecords.PreviewAsync"/>) of the version they name, and shares that version.
/// A correction written afterwards waits until the worker checks and shares it again. The family is told that there
/// are new notes, by a text and an e-mail that say nothing more.
/// </summary>
public sealed class ShareRecord(FamilyTimeDbContext db, Notifier notifier, AuditedSave audit, TimeProvider clock)
{
    public const string CheckedField = "CheckedVersion";

    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid sessionId, int? checkedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!child.Can(ChildOperation.ShareWithFamily))
        {
            return Outcome<Guid>.Forbidden("Only the child's social worker or their team manager can share records with the family.");
        }
        var record = await db.ContactRecords.Include(r => r.Versions).FirstOrDefaultAsync(r => r.SessionId == sessionId && r.ChildId == child.ChildId, ct);
        if (record is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (checkedVersion != record.Current.Number)
        {
            return Outcome<Guid>.Invalid(CheckedField, checkedVersion is null
                ? "Check what the family will see before sharing the record"
                : $"The record has been corrected since you checked it: check version {record.Current.Number} before sharing it");
        }
        if (record.SharedVersion == record.Current.Number)
        {
            return Outcome<Guid>.Invalid(CheckedField, $"Version {record.Current.Number} is already shared with the family");
        }
        var firstShare = record.SharedAt is null;
        record.Share(clock.GetUtcNow().UtcDateTime);

        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.ArrangementId).FirstAsync(ct);
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == session).Select(a => a.PersonIds).FirstOrDefaultAsync(ct) ?? [];
        var people = await db.SignificantPeople.AsNoTracking().Where(p => personIds.Contains(p.Id) && p.PortalUserId != null)
            .Select(p => new { p.Id, p.FullName, p.Phone, p.Email }).ToListAsync(ct);
        var what = firstShare ? "New notes from family time" : "Corrected notes from family time";
        foreach (var person in people)
        {
            // Read on a lock screen or a shared inbox: no child's name, no date, nothing from the notes.
            var key = $"record-shared:{record.Id}:{record.Current.Number}:{person.Id}";
            if (person.Phone is { Length: > 0 } phone)
            {
                await notifier.SmsAsync(key + ":sms", phone, person.FullName, $"FamilyTime: {what.ToLowerInvariant()} have been shared with you. Sign in to FamilyTime to read them.", child.ChildId, ct);
            }
            if (person.Email is { Length: > 0 } email)
            {
                await notifier.EmailAsync(key, email, person.FullName, what, $"Dear {person.FullName},\n\n{what} have been shared with you. Sign in to FamilyTime and open \"Notes from family time\" to read them. You can add your reply there.", child.ChildId, ct);
            }
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.ContactRecord, record.Id, child.ChildId,
            JsonSerializer.Serialize(new { Action = "Shared", Version = record.Current.Number }))], record.Id, ct);
    }
}
