using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FamilyTime.Web.Features.Account.SingleSignOn;

/// <summary>
/// The app proves itself to the token endpoint with a short-lived JWT signed by its certificate (RFC 7523
/// <c>private_key_jwt</c>, as Entra ID's certificate credentials expect) rather than a shared secret.
/// </summary>
public static class ClientAssertion
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(X509Certificate2 certificate, string clientId, string tokenEndpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("jti", Guid.NewGuid().ToString())]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            // X509SigningCredentials puts the certificate's thumbprint in the header (x5t), by which Entra finds it.
            SigningCredentials = new X509SigningCredentials(certificate),
        });
    }
}
