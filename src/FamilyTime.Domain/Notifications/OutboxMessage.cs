namespace FamilyTime.Domain.Notifications;

public enum Channel
{
    Email = 1,
    Sms = 2,

    /// <summary>A letter to print and post (or hand over) for someone with no e-mail address: kept in the outbox to print.</summary>
    Post = 3,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for the sender.</summary>
    Pending = 1,

    /// <summary>Handed to the mail server or GOV.UK Notify.</summary>
    Sent = 2,

    /// <summary>No mail server or Notify is configured: the message is kept here and shown on the outbox page.</summary>
    KeptInOutbox = 3,

    /// <summary>The sender refused it or could not be reached after every attempt, or GOV.UK Notify could not deliver it.</summary>
    Failed = 4,

    /// <summary>GOV.UK Notify says it reached the phone or the inbox (its delivery receipt, sent to the callback).</summary>
    Delivered = 5,
}

/// <summary>
/// Every message the service sends, stored before it is sent so none is lost: an e-mail or a text to a member of
/// staff, a carer or a parent. Its key says what it is about, so a job that runs twice sends it once.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>With the waits of <see cref="RetryDelay"/> a message keeps trying for about three hours before it fails.</summary>
    public const int MaxAttempts = 8;
    public const int SmsLength = 612;

    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public Channel Channel { get; private set; }
    public string To { get; private set; } = "";
    public string RecipientName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public Guid? ChildId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>After a failed attempt, not before this time: a mail server down for a while is waited for, not hammered.</summary>
    public DateTime? NextAttemptAt { get; private set; }
    public int Version { get; set; }

    /// <summary>The wait after the n-th failed attempt: 2, 4, 8 … minutes, at most an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts)));

    public bool IsDue(DateTime now) => Status == DeliveryStatus.Pending && (NextAttemptAt is null || NextAttemptAt <= now);

    public static OutboxMessage Create(string key, Channel channel, string to, string recipientName, string subject, string body, Guid? childId, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        if (channel == Channel.Sms && body.Length > SmsLength)
        {
            throw new ArgumentException($"A text message is at most {SmsLength} characters.", nameof(body));
        }
        return new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Key = key,
            Channel = channel,
            To = to.Trim(),
            RecipientName = recipientName,
            Subject = subject,
            Body = body,
            ChildId = childId,
            CreatedAt = at,
            Status = DeliveryStatus.Pending,
        };
    }

    public void Delivered(DeliveryStatus status, DateTime at)
    {
        Attempts++;
        Status = status;
        SentAt = at;
        LastError = null;
        NextAttemptAt = null;
    }

    /// <summary>
    /// The mail server or GOV.UK Notify refused the message for good (a number that is not a mobile, a mailbox that does
    /// not exist, a key Notify does not accept): trying again cannot help, so it fails now with the reason, for the
    /// outbox page.
    /// </summary>
    public void Refused(string reason)
    {
        Attempts++;
        LastError = reason.Length > 1000 ? reason[..1000] : reason;
        SentAt = null;
        Status = DeliveryStatus.Failed;
        NextAttemptAt = null;
    }

    /// <summary>A failed attempt; after the last one the message stays failed and visible on the outbox page.</summary>
    public void AttemptFailed(string error, DateTime at)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        SentAt = null;
        Status = Attempts >= MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        NextAttemptAt = Status == DeliveryStatus.Pending ? at + RetryDelay(Attempts) : null;
    }

    /// <summary>
    /// What GOV.UK Notify's delivery receipt says of a message it accepted: <c>delivered</c>, or a failure with its kind.
    /// Only a sent message changes (a receipt repeated, or one for a message that failed here first, changes nothing);
    /// answers whether it did.
    /// </summary>
    public bool ReceiptFromNotify(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (Status != DeliveryStatus.Sent)
        {
            return false;
        }
        var failure = Channel == Channel.Post ? LetterFailure(status) : MessageFailure(status);
        if (failure == "")
        {
            // "created", "sending", "pending", a letter "accepted" for printing and anything new: still on its way.
            return false;
        }
        if (failure is null)
        {
            Status = DeliveryStatus.Delivered;
            return true;
        }
        LastError = failure;
        Status = DeliveryStatus.Failed;
        return true;
    }

    private static string? MessageFailure(string status) => status switch
    {
        "delivered" => null,
        "permanent-failure" => "GOV.UK Notify could not deliver it: the number or address does not exist or no longer works (permanent failure). Check it with the person.",
        "temporary-failure" => "GOV.UK Notify could not deliver it for 72 hours: the phone was off or the inbox full (temporary failure). Tell the person another way.",
        "technical-failure" => "GOV.UK Notify could not deliver it because of a problem at Notify (technical failure). Tell the person another way.",
        _ => "",
    };

    /// <summary>A letter's last word from Notify is "received": printed and handed to Royal Mail; nothing says it arrived.</summary>
    private static string? LetterFailure(string status) => status switch
    {
        "received" => null,
        "validation-failed" => "GOV.UK Notify could not print it: the letter did not meet its letter specification (validation failed). Print it here and post it.",
        "virus-scan-failed" => "GOV.UK Notify did not print it: its virus scan refused the file. Print it here and post it.",
        "cancelled" => "The letter was cancelled in GOV.UK Notify before it was printed. Print it here and post it if it should still go.",
        "permanent-failure" or "technical-failure" => "GOV.UK Notify could not print or post it (" + status + "). Print it here and post it.",
        _ => "",
    };
}
