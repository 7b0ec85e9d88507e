using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Api.Tokens;

/// <summary>
/// Makes the token answer: a short-lived access token the bearer scheme reads (protected as it protects its own, so
/// every API route accepts it unchanged) and a refresh token from <see cref="RefreshTokenStore"/>.
/// </summary>
public sealed class ApiTokenIssuer(IOptionsMonitor<BearerTokenOptions> bearer, IOptions<IdentityOptions> identity, TimeProvider clock, RefreshTokenStore store)
{
    /// <summary>A new sign-in: a new refresh-token family.</summary>
    public async Task<AccessTokenResponse> IssueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in principal has an id.");
        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";
        return Answer(user, await store.IssueAsync(id, stamp, ct));
    }

    /// <summary>The answer for a rotated refresh token.</summary>
    public AccessTokenResponse Answer(ClaimsPrincipal user, string refreshToken)
    {
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(user, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return new AccessTokenResponse
        {
            AccessToken = options.BearerTokenProtector.Protect(ticket),
            ExpiresIn = (long)options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = refreshToken,
        };
    }
}
