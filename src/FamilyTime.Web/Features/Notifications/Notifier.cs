using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Notifications;

/// <summary>
/// Puts messages in the outbox, staged on the caller's unit of work so a message exists only if the change that
/// caused it was saved. Delivery happens later (OutboxDispatcher), by whatever sender the deployment configures.
/// </summary>
/// <remarks>
/// A message about a child to a family member (e-mail, post, text) passes the family guard on the way in: anything
/// in it that would tell them where the child lives is taken out before it is stored, so it can never be sent.
/// Carers and staff, who know the home, are written to through <see cref="EmailCarerAsync"/>, <see cref="SmsCarerAsync"/>
/// and <see cref="EmailUserAsync"/>.
/// </remarks>
public sealed class Notifier(FamilyTimeDbContext db, TimeProvider clock, FamilyOutputGuard guard)
{
    /// <summary>Queues an e-mail to a family member unless one with the same key exists: a job that runs twice sends once.</summary>
    public Task<bool> EmailAsync(string key, string to, string recipientName, string subject, string body, Guid? childId, CancellationToken ct) =>
        FamilyAsync(key, Channel.Email, to, recipientName, subject, body, childId, ct);

    /// <summary>A letter for the post to a family member, addressed to <paramref name="address"/>; it waits in the outbox to be printed.</summary>
    public Task<bool> PostAsync(string key, string address, string recipientName, string subject, string body, Guid? childId, CancellationToken ct) =>
        FamilyAsync(key, Channel.Post, address, recipientName, subject, body, childId, ct);

    /// <summary>
    /// Queues a text to a family member. A text is read on a lock screen by whoever holds the phone: callers put no
    /// child's name or details in it, only that there is something to read in the service.
    /// </summary>
    public Task<bool> SmsAsync(string key, string to, string recipientName, string body, Guid? childId, CancellationToken ct) =>
        FamilyAsync(key, Channel.Sms, to, recipientName, "Text message", body, childId, ct);

    /// <summary>An e-mail to the child's carers, who know their own home: not passed through the family guard.</summary>
    public Task<bool> EmailCarerAsync(string key, string to, string recipientName, string subject, string body, Guid? childId, CancellationToken ct) =>
        QueueAsync(key, Channel.Email, to, recipientName, subject, body, childId, ct);

    /// <summary>A text to the child's carers: not passed through the family guard.</summary>
    public Task<bool> SmsCarerAsync(string key, string to, string recipientName, string body, Guid? childId, CancellationToken ct) =>
        QueueAsync(key, Channel.Sms, to, recipientName, "Text message", body, childId, ct);

    private async Task<bool> FamilyAsync(string key, Channel channel, string to, string name, string subject, string body, Guid? childId, CancellationToken ct)
    {
        if (childId is { } id)
        {
            var home = await guard.ForChildAsync(id, ct);
            var places = await guard.PublicPlacesAsync(ct);
            subject = home.Redact(subject, places)!;
            body = home.Redact(body, places)!;
        }
        return await QueueAsync(key, channel, to, name, subject, body, childId, ct);
    }

    /// <summary>
    /// E-mails a member of staff or a carer at the address on their account; no address, no message (answers false).
    /// They know the home, so the family guard is not applied (it would take the carers' own names out of their notice).
    /// </summary>
    public async Task<bool> EmailUserAsync(string key, string userId, string subject, string body, Guid? childId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.Email is not { Length: > 0 } email)
        {
            return false;
        }
        return await QueueAsync(key, Channel.Email, email, user.DisplayName, subject, body, childId, ct);
    }

    /// <summary>An e-mail to a member of staff at <paramref name="to"/>, for an account not saved yet (its set-up link).</summary>
    public Task<bool> EmailStaffAsync(string key, string to, string recipientName, string subject, string body, CancellationToken ct) =>
        QueueAsync(key, Channel.Email, to, recipientName, subject, body, null, ct);

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
