using FamilyTime.Domain.Notifications;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>Delivers one channel's messages: the embedded outbox, SMTP (MailKit) or GOV.UK Notify.</summary>
public interface IMessageSender
{
    Channel Channel { get; }

    /// <summary>Delivers the message, answering how it ended; throws when it could not, so the dispatcher tries again later.</summary>
    Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>The default with no mail server or Notify account: the message stays in the outbox, readable on its admin page.</summary>
public sealed class KeepInOutbox(Channel channel) : IMessageSender
{
    public Channel Channel { get; } = channel;

    public Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct) => Task.FromResult(DeliveryStatus.KeptInOutbox);
}
