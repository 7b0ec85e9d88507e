using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FamilyTime.IntegrationTests;

/// <summary>One request to the token endpoint: its address and form.</summary>
public sealed record TokenRequest(Uri Url, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// Microsoft Entra ID's token endpoint for one tenant as the client credentials grant meets it, behind the app's named
/// HttpClient: it checks the app's secret, or the assertion signed by its certificate, and issues numbered access
/// tokens, answering refusals in Entra's own shape (error, error_description with an AADSTS code, error_codes).
/// </summary>
public sealed class FakeTokenEndpoint : HttpMessageHandler
{
    public const string Authority = "https://login.fake.test";
    public const string TenantId = "3c9a1e55-0d7b-4f5e-9b2a-6a1f0c2d4e8b";
    public const string ClientId = "5f6d1c2b-8a47-4e0b-9c3d-2b1a0f9e8d7c";
    public const string ClientSecret = "Zq8~smtp-secret-for-tests-only";
    public const string Url = Authority + "/" + TenantId + "/oauth2/v2.0/token";

    private int _issued;

    /// <summary>When set, the app must prove itself with an assertion signed by this certificate, not the secret.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>The lifetime of the tokens it issues, in seconds (expires_in).</summary>
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>When set, every request is answered with this status and body instead (Entra down, throttling).</summary>
    public (HttpStatusCode Status, string Body)? Outage { get; set; }

    /// <summary>When set, every request fails as a network failure would, before any answer.</summary>
    public bool Unreachable { get; set; }

    public ConcurrentQueue<TokenRequest> Requests { get; } = new();

    public ConcurrentQueue<string> Issued { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (login.fake.test:443)");
        }
        if (request.Method != HttpMethod.Post || request.RequestUri!.GetLeftPart(UriPartial.Path) != Url)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken)).ToDictionary(p => p.Key, p => p.Value.ToString());
        Requests.Enqueue(new TokenRequest(request.RequestUri, form));
        if (Outage is { } outage)
        {
            return new HttpResponseMessage(outage.Status) { Content = new StringContent(outage.Body, System.Text.Encoding.UTF8, "application/json") };
        }
        if (form.GetValueOrDefault("grant_type") != "client_credentials" || form.GetValueOrDefault("client_id") != ClientId)
        {
            return Refusal(HttpStatusCode.BadRequest, "unauthorized_client", 700016,
                $"AADSTS700016: Application with identifier '{form.GetValueOrDefault("client_id")}' was not found in the directory 'Northbridge Council'.");
        }
        if (!await ClientProvedItselfAsync(form))
        {
            return Refusal(HttpStatusCode.Unauthorized, "invalid_client", 7000215,
                $"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{ClientId}'.");
        }
        var token = $"eyFake.smtp-token-{Interlocked.Increment(ref _issued)}";
        Issued.Enqueue(token);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = JsonContent.Create(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = ExpiresIn, ["ext_expires_in"] = ExpiresIn, ["access_token"] = token }),
        };
    }

    private async Task<bool> ClientProvedItselfAsync(Dictionary<string, string> form)
    {
        if (ClientCertificate is null)
        {
            return form.GetValueOrDefault("client_secret") == ClientSecret && !form.ContainsKey("client_assertion");
        }
        if (form.ContainsKey("client_secret") || form.GetValueOrDefault("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return false;
        }
        var assertion = await new JsonWebTokenHandler().ValidateTokenAsync(form.GetValueOrDefault("client_assertion"), new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = Url,
            IssuerSigningKey = new X509SecurityKey(ClientCertificate),
            // MSAL dates its assertion by the machine's clock, not the app's; the signature, issuer and audience are what count here.
            ValidateLifetime = false,
        });
        return assertion.IsValid && assertion.ClaimsIdentity.FindFirst("sub")?.Value == ClientId;
    }

    private static HttpResponseMessage Refusal(HttpStatusCode status, string error, int code, string description) => new(status)
    {
        Content = JsonContent.Create(new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = $"{description}\r\nTrace ID: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\r\nCorrelation ID: 11111111-2222-3333-4444-555555555555\r\nTimestamp: 2026-03-02 09:30:00Z",
            ["error_codes"] = new[] { code },
            ["trace_id"] = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            ["correlation_id"] = "11111111-2222-3333-4444-555555555555",
        }),
    };
}
