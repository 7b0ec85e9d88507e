using FamilyTime.Data;
using FamilyTime.Data.Identity;

namespace FamilyTime.Web.Features.Suspensions;

internal static class StaffQuery
{
    /// <summary>The accounts holding a role, as a query to narrow further (a team, a household).</summary>
    public static IQueryable<ApplicationUser> InRole(this FamilyTimeDbContext db, string role) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}
