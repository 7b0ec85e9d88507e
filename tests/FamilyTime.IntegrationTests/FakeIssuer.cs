using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// An OpenID Connect provider in the test process, answering the app's back channel (discovery, signing keys, token
/// endpoint) as a council's Entra ID would, with ID tokens signed by a real RSA key. A test plays the browser: it takes
/// the authorize redirect's state and nonce, asks <see cref="Issue"/> for a code for the claims it wants, and posts it
/// to the app's callback. Like a multi-tenant issuer, one issuer signs for every tenant; the <c>tid</c> claim says which.
/// </summary>
public sealed class FakeIssuer : HttpMessageHandler
{
    public const string Authority = "https://login.fake.test/v2.0";
    public const string ClientId = "familytime";
    public const string ClientSecret = "client-secret-for-tests";
    public const string AuthorizeEndpoint = Authority + "/authorize";
    public const string TokenEndpoint = Authority + "/token";
    public const string EndSessionEndpoint = Authority + "/logout";

    private static readonly string[] Code = ["code"], Pairwise = ["pairwise"], Rs256 = ["RS256"];

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-key-1" };
    private readonly ConcurrentDictionary<string, (IReadOnlyList<Claim> Claims, string Nonce)> _codes = new();

    /// <summary>When set, the app must prove itself with an assertion signed by this certificate, not the secret.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>The form of the last token request, to see how the app proved itself.</summary>
    public IReadOnlyDictionary<string, string> LastTokenRequest { get; private set; } = new Dictionary<string, string>();

    /// <summary>A code the token endpoint exchanges once for an ID token with these claims and the nonce of the sign-in.</summary>
    public string Issue(string nonce, params (string Type, string Value)[] claims)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = ([.. claims.Select(c => new Claim(c.Type, c.Value))], nonce);
        return code;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (url == Authority + "/.well-known/openid-configuration")
        {
            return Json(new Dictionary<string, object>
            {
                ["issuer"] = Authority,
                ["authorization_endpoint"] = AuthorizeEndpoint,
                ["token_endpoint"] = TokenEndpoint,
                ["end_session_endpoint"] = EndSessionEndpoint,
                ["jwks_uri"] = Authority + "/keys",
                ["response_types_supported"] = Code,
                ["subject_types_supported"] = Pairwise,
                ["id_token_signing_alg_values_supported"] = Rs256,
            });
        }
        if (url == Authority + "/keys")
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        }
        if (url == TokenEndpoint && request.Method == HttpMethod.Post)
        {
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&')
                .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
            LastTokenRequest = form;
            if (!await ClientProvedItselfAsync(form))
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = JsonContent.Create(new { error = "invalid_client" }) };
            }
            if (!form.TryGetValue("code", out var code) || !_codes.TryRemove(code, out var issued))
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = JsonContent.Create(new { error = "invalid_grant" }) };
            }
            // Microsoft.IdentityModel checks a token's lifetime against the machine's clock, not the app's.
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddHours(1),
                Subject = new ClaimsIdentity(issued.Claims.Append(new Claim("nonce", issued.Nonce))),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Json(new { id_token = idToken, access_token = "access-" + code, token_type = "Bearer", expires_in = 3600 });
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private async Task<bool> ClientProvedItselfAsync(IReadOnlyDictionary<string, string> form)
    {
        if (ClientCertificate is null)
        {
            return form.GetValueOrDefault("client_id") == ClientId && form.GetValueOrDefault("client_secret") == ClientSecret;
        }
        if (form.ContainsKey("client_secret") || form.GetValueOrDefault("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return false;
        }
        var checkedAssertion = await new JsonWebTokenHandler().ValidateTokenAsync(form.GetValueOrDefault("client_assertion"), new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = TokenEndpoint,
            IssuerSigningKey = new X509SecurityKey(ClientCertificate),
            // The app's clock is the tests' fake one; the signature, issuer and audience are what is checked here.
            ValidateLifetime = false,
        });
        return checkedAssertion.IsValid;
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body) };
}
