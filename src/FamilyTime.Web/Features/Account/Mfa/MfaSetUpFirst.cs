using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account.Mfa;

/// <summary>
/// A member of staff whose role needs a second factor and who has not set up an authenticator app reaches only the page
/// that sets it up (and signing out): every other page sends them there, and the API answers 403 saying why.
/// </summary>
public static class MfaSetUpFirst
{
    public const string SetUpPath = "/Account/Security";

    /// <summary>The ways out of the set-up page; the sign-in steps and the token endpoints are before any session.</summary>
    private static readonly string[] Open = [SetUpPath, "/Account/SignOut", "/Account/AccessDenied", "/Account/SignIn", "/Account/TwoFactor", "/api/v1/auth/", "/health"];

    public static IServiceCollection AddMfaPolicy(this IServiceCollection services, IConfiguration config, IHostEnvironment environment) =>
        services.AddSingleton(MfaPolicy.From(config, environment));

    public static IApplicationBuilder UseMfaSetUpFirst(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var policy = http.RequestServices.GetRequiredService<MfaPolicy>();
        if (http.User.Identity?.IsAuthenticated == true && policy.Owed(http.User)
            && !Open.Any(p => http.Request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            // Signed in without a code: only the account's own setting says whether it has an app yet (a session
            // opened before the app was set up has no amr claim, and is let on once it is).
            && await http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>().GetUserAsync(http.User) is { TwoFactorEnabled: false })
        {
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(statusCode: 403, title: "Two-factor sign-in needed",
                    detail: $"This account's role needs an authenticator app. Set it up at {SetUpPath}, then ask for a new token with its code.").ExecuteAsync(http);
                return;
            }
            http.Response.Redirect(SetUpPath + "?required=true");
            return;
        }
        await next();
    });
}
