using FamilyTime.Data;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>Hands pending outbox messages to the configured senders, oldest first, recording each attempt.</summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public const int Batch = 50;

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
        var senders = scope.ServiceProvider.GetServices<IMessageSender>().ToDictionary(s => s.Channel);
        var due = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Outbox.Where(m => m.Status == DeliveryStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= due))
            .OrderBy(m => m.CreatedAt).Take(Batch).ToListAsync(ct);
        var delivered = 0;
        foreach (var message in pending)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                var sender = senders.GetValueOrDefault(message.Channel) ?? new KeepInOutbox(message.Channel);
                message.Delivered(await sender.SendAsync(message, ct), now);
                delivered++;
            }
            catch (DeliveryRefusedException refused)
            {
                NotDelivered(log, message.Id, message.Channel, refused.Message);
                message.Refused(refused.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The message's words stay out of the log: they may be about a child.
                NotDelivered(log, message.Id, message.Channel, ex.Message);
                message.AttemptFailed(ex.Message, now);
            }
            try
            {
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another server delivered it at the same moment; its record stands.
                db.ChangeTracker.Clear();
            }
        }
        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Channel}) not delivered: {Error}")]
    private static partial void NotDelivered(ILogger logger, Guid id, Domain.Notifications.Channel channel, string error);
}
