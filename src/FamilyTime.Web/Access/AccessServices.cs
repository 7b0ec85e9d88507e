using Microsoft.AspNetCore.Authorization;

namespace FamilyTime.Web.Access;

public static class AccessServices
{
    /// <summary>Fails closed: signing in is required unless a route says otherwise, and every route's own rule is held.</summary>
    public static IServiceCollection AddChildAccess(this IServiceCollection services)
    {
        // An address that matches no route is left to answer 404 (a problem for the API), signed in or not.
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && http.GetEndpoint() is null))
            .Build());
        services.AddScoped<ChildAccessPolicy>();
        services.AddScoped<ChildContextLoader>();
        services.AddSingleton<SecurityStampCheck>();
        services.AddScoped<EndSessions>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ChildHandlerFilter()));
        return services;
    }

    public static IApplicationBuilder UseRouteRules(this IApplicationBuilder app) => app.UseMiddleware<RouteRuleMiddleware>();
}
