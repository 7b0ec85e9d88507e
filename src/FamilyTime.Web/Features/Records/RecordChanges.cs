using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>
/// What acknowledging and sharing have in common: the child's editors change the session's record in one small
/// way, audited under a label. The route has already held the user to <see cref="ChildOperation.ShareWithFamily"/>.
/// </summary>
public sealed class RecordChanges(FamilyTimeDbContext db, AuditedSave audit)
{
    public async Task<Outcome<Guid>> ApplyAsync(ChildContext child, Guid sessionId, string what, Action<ContactRecord> change, string label, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(change);
        if (!child.Can(ChildOperation.ShareWithFamily))
        {
            return Outcome<Guid>.Forbidden($"Only the child's social worker or their team manager can {what}.");
        }
        var record = await db.ContactRecords.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.ChildId == child.ChildId, ct);
        if (record is null)
        {
            return Outcome<Guid>.NotFound();
        }
        change(record);
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.ContactRecord, record.Id, child.ChildId,
            JsonSerializer.Serialize(new { Action = label }))], record.Id, ct);
    }
}
