namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>"Notifications:Email": keep e-mails in the outbox (the default) or send them through a mail server.</summary>
public sealed class EmailDeliveryOptions
{
    public const string Section = "Notifications:Email";
    public const string Outbox = "Outbox";
    public const string SmtpMode = "Smtp";
    public const string NotifyMode = "Notify";

    // A string, not an enum, so a mistyped mode is reported by name at start-up instead of as a binding error.
    public string Mode { get; set; } = Outbox;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>GOV.UK Notify for e-mail (Mode Notify): its own e-mail template, with ((subject)) and ((body)).</summary>
    public NotifySettings Notify { get; set; } = new();

    public bool ViaNotify => string.Equals(Mode, NotifyMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sent by a mail server or by Notify, rather than kept in the outbox.</summary>
    public bool Sends => ViaNotify || string.Equals(Mode, SmtpMode, StringComparison.OrdinalIgnoreCase);
}

public sealed class SmtpSettings
{
    public const string StartTls = "StartTls";
    public const string SslOnConnect = "SslOnConnect";
    public const string None = "None";
    public const string PasswordAuthentication = "Password";
    public const string OAuth2Authentication = "OAuth2";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string Security { get; set; } = StartTls;

    /// <summary>The mail server's sign-in: the account with a password, or with OAuth2 the mailbox the e-mails are sent as.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Password (when blank and <see cref="UserName"/> is set) or OAuth2 (Microsoft 365, see <see cref="OAuth2"/>).
    /// A string, like the mode, so a mistyped choice is named at start-up.</summary>
    public string? Authentication { get; set; }

    public SmtpOAuth2Settings OAuth2 { get; set; } = new();

    public bool ViaOAuth2 => string.Equals(Authentication?.Trim(), OAuth2Authentication, StringComparison.OrdinalIgnoreCase);

    public string? FromAddress { get; set; }
    public string FromName { get; set; } = "FamilyTime";
}

/// <summary>"Notifications:Sms": keep texts in the outbox (the default) or send them through GOV.UK Notify.</summary>
public sealed class SmsDeliveryOptions
{
    public const string Section = "Notifications:Sms";
    public const string Outbox = "Outbox";
    public const string NotifyMode = "Notify";

    public string Mode { get; set; } = Outbox;

    public NotifySettings Notify { get; set; } = new();

    public bool Sends => string.Equals(Mode, NotifyMode, StringComparison.OrdinalIgnoreCase);
}

public sealed class NotifySettings
{
    public const string LiveBaseUrl = "https://api.notifications.service.gov.uk";

    /// <summary>"{key name}-{service id}-{secret key}", as GOV.UK Notify shows it once when the key is made.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A text template whose whole content is "((body))", so the service writes the words.</summary>
    public string? TemplateId { get; set; }

    public string BaseUrl { get; set; } = LiveBaseUrl;

    /// <summary>The bearer token Notify sends with its delivery receipts (set the same on Notify's callback page,
    /// with the address /api/v1/notify/delivery-receipts); without it receipts are refused.</summary>
    public string? CallbackToken { get; set; }
}
