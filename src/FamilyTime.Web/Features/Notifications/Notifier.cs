using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Notifications;

/// <summary>
/// Puts messages in the outbox, staged on the caller's unit of work so a message exists only if the change that
/// caused it was saved. Delivery happens later (OutboxDispatcher), by whatever sender the deployment configures.
/// </summary>
public sealed class Notifier(FamilyTimeDbContext db, TimeProvider clock)
{
    /// <summary>Queues an e-mail unless one with the same key exists: a job that runs twice sends once.</summary>
    public Task<bool> EmailAsync(string key, string to, string recipientName, string subject, string body, Guid? childId, CancellationToken ct) =>
        QueueAsync(key, Channel.Email, to, recipientName, subject, body, childId, ct);

    /// <summary>A letter for the post, addressed to <paramref name="address"/>; it waits in the outbox to be printed.</summary>
    public Task<bool> PostAsync(string key, string address, string recipientName, string subject, string body, Guid? childId, CancellationToken ct) =>
        QueueAsync(key, Channel.Post, address, recipientName, subject, body, childId, ct);

    /// <summary>
    /// Queues a text. A text is read on a lock screen by whoever holds the phone: callers put no child's name or
    /// details in it, only that there is something to read in the service.
    /// </summary>
    public Task<bool> SmsAsync(string key, string to, string recipientName, string body, Guid? childId, CancellationToken ct) =>
        QueueAsync(key, Channel.Sms, to, recipientName, "Text message", body, childId, ct);

    /// <summary>E-mails a member of staff at the address on their account; no address, no message (answers false).</summary>
    public async Task<bool> EmailUserAsync(string key, string userId, string subject, string body, Guid? childId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.Email is not { Length: > 0 } email)
        {
            return false;
        }
        return await EmailAsync(key, email, user.DisplayName, subject, body, childId, ct);
    }

    private async Task<bool> QueueAsync(string key, Channel channel, string to, string name, string subject, string body, Guid? childId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(to) || db.Outbox.Local.Any(m => m.Key == key) || await db.Outbox.AnyAsync(m => m.Key == key, ct))
        {
            return false;
        }
        db.Outbox.Add(OutboxMessage.Create(key, channel, to, name, subject, body, childId, clock.GetUtcNow().UtcDateTime));
        return true;
    }
}
