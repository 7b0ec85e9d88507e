using FamilyTime.Data.Identity;
using FamilyTime.Web.Features.Account.Throttle;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Api;

public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

public sealed record RefreshRequest(string? RefreshToken);

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithSummary("Sign in with a user name and password (and an authenticator code if set up); answers a bearer token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(401)
            .ProducesValidationProblem();
        api.MapPost("/auth/refresh", Refresh)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithSummary("Exchange the refreshToken of a token answer (valid 14 days) for a new token answer, without the password.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(401)
            .ProducesValidationProblem();
    }

    /// <summary>
    /// The refresh token the bearer scheme hands out with every access token. It is refused once expired, once the
    /// account's security stamp has changed (a new password, an authenticator set up or reset), and while the account is
    /// locked or suspended; the answer is a new access token and a new refresh token.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest body, SignInManager<ApplicationUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["Enter the refresh token"] },
                title: "Some of the information is missing");
        }
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign in again",
                detail: "The refresh token has expired or no longer holds (the password, the authenticator or the account has changed).");
        }
        // The bearer scheme writes the new token answer (AccessTokenResponse, declared on the route) itself.
        await signIn.Context.SignInAsync(IdentityConstants.BearerScheme, await signIn.CreateUserPrincipalAsync(user));
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest body, SignInManager<ApplicationUser> signIn, PasswordSignIn passwords)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.UserName))
        {
            errors["userName"] = ["Enter your user name"];
        }
        if (string.IsNullOrEmpty(body.Password))
        {
            errors["password"] = ["Enter your password"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some of the information is missing");
        }

        // The bearer scheme writes the token response itself when sign-in succeeds.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await passwords.SignInAsync(body.UserName!, body.Password!, isPersistent: false);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(body.TwoFactorCode))
            {
                return TypedResults.Problem(statusCode: 401, title: "Authenticator code needed",
                    detail: "This account uses an authenticator app. Send 'twoFactorCode' with the 6-digit code.");
            }
            result = await signIn.TwoFactorAuthenticatorSignInAsync(body.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal), false, false);
        }
        // One answer for every refusal, a wrong authenticator code included (after 5, Identity locks the second step):
        // see PasswordSignIn.
        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: PasswordSignIn.RefusedInApi);
        }
        return TypedResults.Empty;
    }
}
