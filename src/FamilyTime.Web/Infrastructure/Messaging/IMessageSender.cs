using FamilyTime.Domain.Notifications;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>Delivers one channel's messages: the embedded outbox, SMTP (MailKit) or GOV.UK Notify.</summary>
public interface IMessageSender
{
    Channel Channel { get; }

    /// <summary>Delivers the message, answering how it ended; throws when it could not, so the dispatcher tries again
    /// later, or <see cref="DeliveryRefusedException"/> when trying again cannot help.</summary>
    Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>The default with no mail server or Notify account: the message stays in the outbox, readable on its admin page.</summary>
public sealed class KeepInOutbox(Channel channel) : IMessageSender
{
    public Channel Channel { get; } = channel;

    public Task<DeliveryStatus> SendAsync(OutboxMessage message, CancellationToken ct) => Task.FromResult(DeliveryStatus.KeptInOutbox);
}

/// <summary>The mail server or GOV.UK Notify refused the message for good: the message fails at once with this reason
/// instead of being tried again for hours.</summary>
public sealed class DeliveryRefusedException(string message, Exception? inner = null) : Exception(message, inner);
