using FamilyTime.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using FamilyTime.Web.Api;

namespace FamilyTime.Web.Access;

/// <summary>
/// The one door: after sign-in is known, every routed request is held to the rule its route declares. Out of reach
/// (or undeclared) answers 404, in reach but not allowed answers 403 with the reason, on pages and API alike.
/// </summary>
public sealed partial class RouteRuleMiddleware(RequestDelegate next, ILogger<RouteRuleMiddleware> log)
{
    /// <summary>Where a refusal's reason waits for the error page to show it.</summary>
    public const string RefusalKey = "ft:refusal";

    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null || RouteRuleCheck.IsAnonymous(endpoint))
        {
            // No route (404 follows), or open to anyone.
            await next(http);
            return;
        }
        if (!RouteRuleCheck.IsSignedIn(http.User))
        {
            // The fallback policy has already asked a visitor to sign in; anything that still gets here is refused.
            await RefuseAsync(http, AccessDecision.NotFound);
            return;
        }
        var rule = RouteRuleCheck.RuleOf(endpoint);
        if (rule is null)
        {
            Undeclared(log, endpoint.DisplayName ?? http.Request.Path.Value ?? "");
            await RefuseAsync(http, AccessDecision.NotFound);
            return;
        }
        if (!await http.RequestServices.GetRequiredService<SecurityStampCheck>()
                .IsCurrentAsync(http.User, http.RequestServices.GetRequiredService<Data.FamilyTimeDbContext>(), http.RequestAborted))
        {
            await EndSignInAsync(http);
            return;
        }
        var decision = await RouteRuleCheck.DecideAsync(http, rule);
        if (decision.IsAllowed)
        {
            await next(http);
            return;
        }
        await RefuseAsync(http, decision);
    }

    /// <summary>The account changed since this sign-in: the API answers 401, a page signs out and asks to sign in again.</summary>
    private static async Task EndSignInAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again",
                detail: "Your account has changed since this token was issued. Ask for a new token.").ExecuteAsync(http);
            return;
        }
        await http.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        http.Response.Redirect("/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
    }

    public static async Task RefuseAsync(HttpContext http, AccessDecision decision)
    {
        var forbidden = decision.Answer == AccessAnswer.Forbidden;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var result = forbidden
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You cannot do this", detail: decision.Reason)
                : ApiResults.NotFound();
            await result.ExecuteAsync(http);
            return;
        }
        // Pages: an empty answer that the status-code pages turn into the plain-words error page.
        http.Items[RefusalKey] = decision.Reason;
        http.Response.StatusCode = forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The route {Route} declares no access rule, so it answers 404 to everyone.")]
    private static partial void Undeclared(ILogger logger, string route);
}
