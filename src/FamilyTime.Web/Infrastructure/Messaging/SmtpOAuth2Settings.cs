namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// "Notifications:Email:Smtp:OAuth2": how FamilyTime gets its own token for the mail server (OAuth 2.0 client credentials
/// from Microsoft Entra ID, then SASL XOAUTH2), as Microsoft 365 requires once SMTP's password sign-in is switched off. The
/// app registration needs Office 365 Exchange Online's application permission SMTP.SendAsApp, with admin consent; the
/// mailbox it sends as is <see cref="SmtpSettings.UserName"/>.
/// </summary>
public sealed class SmtpOAuth2Settings
{
    public const string MicrosoftAuthority = "https://login.microsoftonline.com";

    /// <summary>Exchange Online's resource with ".default": client credentials ask for what the app was granted, not for scopes by name.</summary>
    public const string ExchangeOnlineScope = "https://outlook.office365.com/.default";

    /// <summary>The council's Directory (tenant) ID, or one of its domain names.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's Application (client) ID.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX file with the app registration's certificate and private key, instead of <see cref="ClientSecret"/>,
    /// as for single sign-on.</summary>
    public string? ClientCertificatePath { get; set; }
    public string? ClientCertificatePassword { get; set; }

    /// <summary>The Entra cloud's sign-in address, without the tenant (another for a national cloud).</summary>
    public string Authority { get; set; } = MicrosoftAuthority;

    public string Scope { get; set; } = ExchangeOnlineScope;

    public bool UsesCertificate => !string.IsNullOrWhiteSpace(ClientCertificatePath);
}
