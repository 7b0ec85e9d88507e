using FamilyTime.Data;
using FamilyTime.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Users;

/// <summary>
/// An account's staff roles, read and replaced in one place for the administrators' changes and the council's group
/// mapping. Replacing only stages the change: it is saved with the caller's audit entry, in the same transaction.
/// Portal roles an account may also hold (a member of staff who is a carer) are never touched.
/// </summary>
public static class StaffRoleLinks
{
    /// <summary>Every staff role's id, by name.</summary>
    public static Task<Dictionary<string, string>> StaffRoleIdsAsync(this FamilyTimeDbContext db, CancellationToken ct) =>
        db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);

    /// <summary>The account's staff roles, sorted.</summary>
    public static Task<List<string>> StaffRolesOfAsync(this FamilyTimeDbContext db, string userId, CancellationToken ct) =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .Where(n => Roles.Staff.Contains(n)).OrderBy(n => n).ToListAsync(ct);

    /// <summary>Stages the account's staff roles as exactly <paramref name="roles"/> (staff roles by name).</summary>
    public static async Task ReplaceStaffRolesAsync(this FamilyTimeDbContext db, string userId, IEnumerable<string> roles, CancellationToken ct)
    {
        var ids = await db.StaffRoleIdsAsync(ct);
        var staffRoleIds = ids.Values.ToList();
        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == userId && staffRoleIds.Contains(ur.RoleId)).ToListAsync(ct));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = ids[role] });
        }
    }
}
