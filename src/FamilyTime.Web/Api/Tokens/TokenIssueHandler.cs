using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Api.Tokens;

/// <summary>
/// The scheme POST /auth/token signs in with: Identity's sign-in (password, throttle, authenticator code) ends by
/// signing the account in to a scheme, and this one only keeps the principal for the endpoint, which answers with an
/// access token and a stored refresh token (<see cref="ApiTokenIssuer"/>). The bearer scheme's own sign-in would hand
/// out a refresh token the server keeps no record of, so could neither rotate nor revoke.
/// </summary>
public sealed class TokenIssueHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiTokenIssue";

    private static readonly object Key = new();

    /// <summary>The account this request signed in, if it did.</summary>
    public static ClaimsPrincipal? SignedIn(HttpContext http) => http.Items.TryGetValue(Key, out var user) ? user as ClaimsPrincipal : null;

    protected override Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties)
    {
        Context.Items[Key] = user;
        return Task.CompletedTask;
    }

    protected override Task HandleSignOutAsync(AuthenticationProperties? properties) => Task.CompletedTask;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
