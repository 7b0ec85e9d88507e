using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>A session with its record (when the reader may read it) and the family's replies.</summary>
public sealed record RecordPage(SessionFacts Facts, ContactRecord? Record, IReadOnlyList<ParentReply> Replies);

/// <summary>Opens one session of the child with its record and every version; the look is audited.</summary>
public sealed class ReadRecord(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit)
{
    public async Task<Outcome<RecordPage>> HandleAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction; a session not found is no view, and leaves no entry.
        var page = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, c => LoadAsync(child, sessionId, c),
            p => p is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.Session, sessionId, child.ChildId)], ct);
        return page is null ? Outcome<RecordPage>.NotFound() : Outcome<RecordPage>.Ok(page);
    }

    private async Task<RecordPage?> LoadAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        var f = await facts.LoadAsync(child, sessionId, ct);
        if (f is null)
        {
            return null;
        }
        var record = f.CanReadRecord
            ? await db.ContactRecords.AsNoTracking().Include(r => r.Versions).FirstOrDefaultAsync(r => r.SessionId == sessionId, ct)
            : null;
        var replies = record is null ? [] : await db.ParentReplies.AsNoTracking().Where(r => r.RecordId == record.Id).OrderBy(r => r.At).ToListAsync(ct);
        return new RecordPage(f, record, replies);
    }
}
