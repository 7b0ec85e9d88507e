using System.Security.Claims;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Account.Passwords;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Api;

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

public sealed record ForgotPasswordRequest(string? NameOrEmail);

public sealed record ForgotPasswordAnswer(string Message);

public static class PasswordEndpoints
{
    /// <summary>The reset request, anonymous: mapped on the open group beside the token endpoints.</summary>
    public static void MapForgotPasswordEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/forgot-password", ForgotPassword)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithTags("AuthEndpoints")
            .WithSummary("Asks for a link to set a new password, e-mailed to the account's address (it works once, within 1 hour). The answer is the same whether or not the name or address is known.")
            .ProducesValidationProblem();
    }

    public static void MapPasswordEndpoint(this RouteGroupBuilder secured)
    {
        secured.MapPost("/auth/password", ChangePassword).AnyoneSignedIn()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithTags("AuthEndpoints")
            .WithSummary("Changes the password (the current one is needed). Every sign-in of the account ends, this token and its refresh token included: sign in again with the new password.")
            .ProducesValidationProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        PasswordChangeRequest body, ClaimsPrincipal principal, UserManager<ApplicationUser> users, PasswordChange change)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign in again");
        }
        var errors = await change.ChangeAsync(user, body.CurrentPassword, body.NewPassword, confirm: null);
        return errors.Count == 0 ? TypedResults.NoContent() : ApiResults.Invalid(errors);
    }

    private static async Task<Results<Ok<ForgotPasswordAnswer>, ProblemHttpResult>> ForgotPassword(
        ForgotPasswordRequest body, PasswordReset reset, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.NameOrEmail) || body.NameOrEmail.Length > Features.Account.ForgotPasswordModel.Longest)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["nameOrEmail"] = ["Enter a user name or e-mail address of 256 characters or fewer"] });
        }
        await reset.RequestAsync(body.NameOrEmail, http.Request.LinkBase(), ct);
        return TypedResults.Ok(new ForgotPasswordAnswer(PasswordReset.Answer));
    }
}
