using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Outbox;

/// <summary>One line of the outbox page: everything but the words, which may be about a child.</summary>
public sealed record OutboxRow(Guid Id, DateTime CreatedAt, Channel Channel, string To, string RecipientName, string Subject, DeliveryStatus Status, int Attempts, DateTime? SentAt, string? LastError);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// Reads the outbox for administrators: what was sent, kept or failed, and why. Listing shows no message's words;
/// opening one does, so opening one is recorded in the audit log like any other view of a child's record.
/// </summary>
public sealed class OutboxLog(FamilyTimeDbContext db, AuditedSave audit)
{
    public const int PageSize = 50;

    public async Task<OutboxPage> ListAsync(DeliveryStatus? status, Channel? channel, int page, CancellationToken ct)
    {
        var q = db.Outbox.AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(m => m.Status == s);
        }
        if (channel is { } c)
        {
            q = q.Where(m => m.Channel == c);
        }
        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pageCount);
        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.CreatedAt, m.Channel, m.To, m.RecipientName, m.Subject, m.Status, m.Attempts, m.SentAt, m.LastError))
            .ToListAsync(ct);
        return new OutboxPage(rows, total, current, pageCount);
    }

    /// <summary>One message with its words, or null; the view is audited, in the same transaction, before the words are handed back.</summary>
    public async Task<OutboxMessage?> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // The read and its audit entry in one transaction; a message not found is no view, and leaves no entry.
        return await audit.ViewAsync(actor.UserId, actor.UserName,
            c => db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, c),
            message => message is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.OutboxMessage, message.Id, message.ChildId)], ct);
    }
}
