using System.Text.RegularExpressions;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>
/// What is missing or wrong in how FamilyTime signs in to the mail server, with a password or with OAuth2, each setting
/// named as it is written. Secrets are never repeated: a message says what a value should be, not what it was.
/// </summary>
public static partial class SmtpSignInValidation
{
    public static List<string> Problems(SmtpSettings smtp, string s)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var errors = new List<string>();
        var choice = smtp.Authentication?.Trim();
        var password = string.Equals(choice, SmtpSettings.PasswordAuthentication, StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(choice) && !password && !smtp.ViaOAuth2)
        {
            errors.Add($"{s}:Smtp:Authentication must be Password or OAuth2, not '{smtp.Authentication}'.");
            return errors;
        }
        if (!smtp.ViaOAuth2)
        {
            if (password && string.IsNullOrWhiteSpace(smtp.UserName))
            {
                errors.Add($"{s}:Smtp:UserName is required when {s}:Smtp:Authentication is Password.");
            }
            if (!string.IsNullOrWhiteSpace(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add($"{s}:Smtp:Password is required when {s}:Smtp:UserName is set.");
            }
            return errors;
        }

        var o = smtp.OAuth2;
        var p = $"{s}:Smtp:OAuth2";
        var when = $"when {s}:Smtp:Authentication is OAuth2";
        if (string.IsNullOrWhiteSpace(smtp.UserName))
        {
            errors.Add($"{s}:Smtp:UserName is required {when}, as the address of the mailbox the e-mails are sent as.");
        }
        else if (!smtp.UserName.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"{s}:Smtp:UserName must be the address of the mailbox the e-mails are sent as {when}, not '{smtp.UserName}'.");
        }
        if (string.IsNullOrWhiteSpace(o.TenantId))
        {
            errors.Add($"{p}:TenantId is required {when}, as the Directory (tenant) ID.");
        }
        else if (!Guid.TryParse(o.TenantId, out _) && !DomainName().IsMatch(o.TenantId))
        {
            // "common" and "organizations" are refused too: an app's own token comes from one tenant.
            errors.Add($"{p}:TenantId must be the Directory (tenant) ID or one of the tenant's domain names, not '{o.TenantId}'.");
        }
        if (string.IsNullOrWhiteSpace(o.ClientId))
        {
            errors.Add($"{p}:ClientId is required {when}, as the app registration's Application (client) ID.");
        }
        else if (!Guid.TryParse(o.ClientId, out _))
        {
            errors.Add($"{p}:ClientId must be the app registration's Application (client) ID, a GUID, not '{o.ClientId}'.");
        }
        var secret = !string.IsNullOrEmpty(o.ClientSecret);
        if (secret && o.UsesCertificate)
        {
            errors.Add($"{p}:ClientSecret and {p}:ClientCertificatePath are both set: keep one (a certificate is Microsoft's advice).");
        }
        else if (!secret && !o.UsesCertificate)
        {
            errors.Add($"{p}:ClientSecret or {p}:ClientCertificatePath is required {when}.");
        }
        else if (o.UsesCertificate
            && CertificateFile.ProblemWith(o.ClientCertificatePath!, o.ClientCertificatePassword, $"{p}:ClientCertificatePath", $"{p}:ClientCertificatePassword") is { } certificate)
        {
            errors.Add(certificate);
        }
        if (!Uri.TryCreate(o.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(authority.Query))
        {
            errors.Add($"{p}:Authority must be an https address such as {SmtpOAuth2Settings.MicrosoftAuthority}, not '{o.Authority}'.");
        }
        if (string.IsNullOrWhiteSpace(o.Scope) || !o.Scope.EndsWith("/.default", StringComparison.Ordinal) || o.Scope.Contains(' ', StringComparison.Ordinal))
        {
            // The client credentials grant gives what the app was granted (SMTP.SendAsApp), asked for as the resource's .default.
            errors.Add($"{p}:Scope must be one resource's .default scope, such as {SmtpOAuth2Settings.ExchangeOnlineScope}, not '{o.Scope}'.");
        }
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex DomainName();
}
