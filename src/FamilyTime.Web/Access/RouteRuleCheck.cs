using System.Security.Claims;
using FamilyTime.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace FamilyTime.Web.Access;

/// <summary>Decides a declared rule for the signed-in user of a request.</summary>
public static class RouteRuleCheck
{
    /// <summary>The rule an endpoint declares, the innermost (the route's own over its group's); null when none.</summary>
    public static RouteRuleAttribute? RuleOf(Endpoint endpoint) => endpoint.Metadata.GetMetadata<RouteRuleAttribute>();

    public static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public static async Task<AccessDecision> DecideAsync(HttpContext http, RouteRuleAttribute? rule)
    {
        var user = http.User.Scope();
        switch (rule)
        {
            case null:
                return AccessDecision.NotFound;
            case AnyoneSignedInAttribute:
                return AccessDecision.Allowed;
            case PortalOnlyAttribute:
                return user.HasPortalRole ? AccessDecision.Allowed : AccessDecision.NotFound;
            case StaffOnlyAttribute staff:
                if (!user.IsStaff)
                {
                    return AccessDecision.NotFound;
                }
                return staff.Roles.Count == 0 || staff.Roles.Any(user.Is)
                    ? AccessDecision.Allowed
                    : new AccessDecision(AccessAnswer.Forbidden, $"This is for: {string.Join(", ", staff.Roles.Select(Roles.Describe))}.");
            case ForChildAttribute forChild:
                var child = await http.RequestServices.GetRequiredService<ChildContextLoader>().ForRouteAsync(http);
                return ChildContextLoader.Decide(child, forChild.Operation, http.User);
            default:
                return AccessDecision.NotFound;
        }
    }

    public static bool IsSignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
}
