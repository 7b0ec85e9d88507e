using FamilyTime.Data.Identity;
using FamilyTime.Web.Api.Tokens;
using FamilyTime.Web.Features.Account.Throttle;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Api;

public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record RevokeRequest(string? RefreshToken);

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithSummary("Sign in with a user name and password (and an authenticator code if set up); answers a bearer token.")
            .ProducesProblem(401)
            .ProducesValidationProblem();
        api.MapPost("/auth/refresh", Refresh)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithSummary("Exchange the refreshToken of a token answer (valid 14 days, once) for a new token answer, without the password. A refresh token sent a second time ends its sign-in: every token made from it stops working.")
            .ProducesProblem(401)
            .ProducesValidationProblem();
        api.MapPost("/auth/revoke", Revoke)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithSummary("End the sign-in a refreshToken belongs to: it and every refresh token made from it stop working. Answers 204 whether or not the token was known.")
            .ProducesValidationProblem();
    }

    private static ValidationProblem MissingToken() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["Enter the refresh token"] },
            title: "Some of the information is missing");

    /// <summary>Knowing the token is what entitles the caller to end it, so no sign-in is needed (a client signing out).</summary>
    private static async Task<Results<NoContent, ValidationProblem>> Revoke(RevokeRequest body, RefreshTokenStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
        {
            return MissingToken();
        }
        await store.RevokeFamilyOfAsync(body.RefreshToken, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Exchanges a stored refresh token for a new access token and a new refresh token (<see cref="RefreshTokenStore"/>).
    /// It is refused once expired, used or revoked, once the account's security stamp has changed (a new password, an
    /// authenticator set up or reset, a role changed), and while the account is locked or suspended.
    /// </summary>
    private static async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest body, SignInManager<ApplicationUser> signIn, RefreshTokenStore store, ApiTokenIssuer issuer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
        {
            return MissingToken();
        }
        ApplicationUser? account = null;
        var rotation = await store.RotateAsync(body.RefreshToken, async (userId, stampHash) =>
        {
            account = await signIn.UserManager.FindByIdAsync(userId);
            return account is not null
                && string.Equals(RefreshTokenStore.Hash(account.SecurityStamp ?? ""), stampHash, StringComparison.Ordinal)
                && !await signIn.UserManager.IsLockedOutAsync(account) && await signIn.CanSignInAsync(account);
        }, ct);
        if (rotation.Outcome != RefreshOutcome.Rotated || account is null)
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign in again",
                detail: "The refresh token has expired, was already used or revoked, or no longer holds (the password, the authenticator or the account has changed).");
        }
        return TypedResults.Ok(issuer.Answer(await signIn.CreateUserPrincipalAsync(account), rotation.NewToken!));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest body, SignInManager<ApplicationUser> signIn, PasswordSignIn passwords, ApiTokenIssuer issuer, CancellationToken ct)
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

        // Identity signs the account in to this scheme, which keeps the principal for the answer below.
        signIn.AuthenticationScheme = TokenIssueHandler.SchemeName;
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
        if (!result.Succeeded || TokenIssueHandler.SignedIn(signIn.Context) is not { } user)
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: PasswordSignIn.RefusedInApi);
        }
        return TypedResults.Ok(await issuer.IssueAsync(user, ct));
    }
}
