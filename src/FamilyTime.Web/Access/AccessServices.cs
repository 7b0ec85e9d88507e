using Microsoft.AspNetCore.Authorization;

namespace FamilyTime.Web.Access;

public static class AccessServices
{
    /// <summary>Fails closed: signing in is required unless a route says otherwise, and every route's own rule is held.</summary>
    public static IServiceCollection AddChildAccess(this IServiceCollection services)
    {
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<ChildAccessPolicy>();
        services.AddScoped<ChildContextLoader>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ChildHandlerFilter()));
        return services;
    }

    public static IApplicationBuilder UseRouteRules(this IApplicationBuilder app) => app.UseMiddleware<RouteRuleMiddleware>();
}
