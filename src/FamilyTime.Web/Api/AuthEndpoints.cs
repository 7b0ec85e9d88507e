using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Api;

public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

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
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest body, SignInManager<ApplicationUser> signIn)
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
        var result = await signIn.PasswordSignInAsync(body.UserName!, body.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(body.TwoFactorCode))
            {
                return TypedResults.Problem(statusCode: 401, title: "Authenticator code needed",
                    detail: "This account uses an authenticator app. Send 'twoFactorCode' with the 6-digit code.");
            }
            result = await signIn.TwoFactorAuthenticatorSignInAsync(body.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal), false, false);
        }
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(statusCode: 401, title: "Account locked",
                detail: "Too many wrong attempts. Try again in 15 minutes or ask an administrator to unlock the account.");
        }
        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "The user name, password or code is not right.");
        }
        return TypedResults.Empty;
    }
}
