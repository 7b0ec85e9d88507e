using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace FamilyTime.Web.Infrastructure.Messaging;

/// <summary>An access token for the mail server, and whether MSAL took it from its cache rather than from Entra just now.</summary>
public sealed record SmtpAccessToken(string Value, bool FromCache);

/// <summary>
/// FamilyTime's own token for the mail server (OAuth 2.0 client credentials, with the app registration's secret or
/// certificate), from the Microsoft Authentication Library. One confidential client application for the whole app, so
/// MSAL's token cache is shared by every message: Entra is asked again only when the token is about to expire.
/// </summary>
public sealed class SmtpOAuth2Tokens : IDisposable
{
    public const string HttpClientName = "smtp-oauth2";

    private readonly SmtpOAuth2Settings _settings;
    private readonly Lazy<IConfidentialClientApplication> _app;
    private X509Certificate2? _certificate;

    public SmtpOAuth2Tokens(IOptions<EmailDeliveryOptions> options, IHttpClientFactory http)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Smtp.OAuth2;
        // Built when the first e-mail needs it: the settings were checked at start-up, and an app that keeps e-mail in the
        // outbox never reads the certificate.
        _app = new(() => Build(http), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<SmtpAccessToken> GetAsync(bool fresh, CancellationToken ct)
    {
        AuthenticationResult result;
        try
        {
            result = await _app.Value.AcquireTokenForClient([_settings.Scope]).WithForceRefresh(fresh).ExecuteAsync(ct);
        }
        catch (MsalServiceException refused) when (refused.StatusCode is 400 or 401)
        {
            // Entra's answer about the app itself: a wrong or expired secret (AADSTS7000215, 7000222), a certificate it
            // does not hold (700027), an application or tenant it does not know (700016, 90002), a scope it will not give
            // (invalid_scope). It gives the same answer however often it is asked, until someone changes the app
            // registration or these settings, so three hours of attempts would only hide it: the message fails now with
            // Entra's words on the outbox page. Throttling (429), Entra's own trouble (5xx) and the network pass, so those
            // are left to the outbox to try again.
            throw new DeliveryRefusedException(
                $"Microsoft Entra ID refused the app a token for the mail server ({refused.ErrorCode}): {OneLine(EntraWords(refused))} " +
                $"Check {EmailDeliveryOptions.Section}:Smtp:OAuth2 (TenantId, ClientId and the secret or certificate) against the app registration.",
                refused);
        }
        return new SmtpAccessToken(result.AccessToken, result.AuthenticationResultMetadata.TokenSource == TokenSource.Cache);
    }

    private IConfidentialClientApplication Build(IHttpClientFactory http)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(_settings.ClientId)
            .WithAuthority($"{_settings.Authority.TrimEnd('/')}/{_settings.TenantId!.Trim()}")
            // The authority is the administrator's setting, used as written: no call to Microsoft's instance discovery
            // (one address fewer for the council's proxy to allow; MSAL knows Microsoft's clouds without it).
            .WithInstanceDiscovery(false)
            // No wait-and-retry inside a delivery: the outbox tries the message again on the app's clock.
            .WithHttpClientFactory(new NamedMsalHttpClient(http, HttpClientName), retryOnceOn5xx: false);
        if (_settings.UsesCertificate)
        {
            _certificate = CertificateFile.Load(_settings.ClientCertificatePath!, _settings.ClientCertificatePassword);
            builder = builder.WithCertificate(_certificate);
        }
        else
        {
            builder = builder.WithClientSecret(_settings.ClientSecret);
        }
        return builder.Build();
    }

    /// <summary>Entra's own error_description (MSAL puts advice of its own before some), else MSAL's message.</summary>
    private static string EntraWords(MsalServiceException refused)
    {
        try
        {
            using var body = JsonDocument.Parse(refused.ResponseBody ?? "");
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("error_description", out var description)
                && description.GetString() is { Length: > 0 } words)
            {
                return words;
            }
        }
        catch (JsonException)
        {
        }
        return refused.Message;
    }

    // Entra's description runs over lines (the code, then trace and correlation IDs worth quoting to Microsoft).
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public void Dispose() => _certificate?.Dispose();
}
