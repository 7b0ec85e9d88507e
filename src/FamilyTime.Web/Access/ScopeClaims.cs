using System.Security.Claims;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Access;

/// <summary>
/// Puts where a user's work belongs (team, area, household) into their sign-in, so each request knows its
/// scope without a database round trip. Cookie and bearer sign-ins share this factory.
/// </summary>
public sealed class ScopeClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string Team = "ft:team";
    public const string Area = "ft:area";
    public const string Household = "ft:household";
    public const string DisplayName = "ft:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(Team, team.ToString()));
        }
        if (user.AreaId is { } area)
        {
            identity.AddClaim(new Claim(Area, area.ToString()));
        }
        if (user.CarerHouseholdId is { } household)
        {
            identity.AddClaim(new Claim(Household, household.ToString()));
        }
        return identity;
    }
}

public static class CurrentUser
{
    public static UserScope Scope(this ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        GuidClaim(principal, ScopeClaimsFactory.Team),
        GuidClaim(principal, ScopeClaimsFactory.Area),
        GuidClaim(principal, ScopeClaimsFactory.Household));

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ScopeClaimsFactory.DisplayName) ?? principal.Identity?.Name ?? "";

    public static string UserName(this ClaimsPrincipal principal) => principal.Identity?.Name ?? "";

    private static Guid? GuidClaim(ClaimsPrincipal p, string type) =>
        Guid.TryParse(p.FindFirstValue(type), out var id) ? id : null;
}

/// <summary>Who is acting: their scope for access checks, their sign-in name for the audit log, their name for records.</summary>
public sealed record Actor(UserScope Scope, string UserName, string DisplayName)
{
    public string UserId => Scope.UserId;
}

public static class ActorExtensions
{
    public static Actor Actor(this ClaimsPrincipal principal) => new(principal.Scope(), principal.UserName(), principal.DisplayName());
}
