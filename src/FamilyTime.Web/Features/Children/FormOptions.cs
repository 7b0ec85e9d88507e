using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children;

/// <summary>The choices offered on the child and person forms.</summary>
public sealed class FormOptions(FamilyTimeDbContext db, UserManager<ApplicationUser> users)
{
    public static IReadOnlyList<SelectListItem> LegalStatuses { get; } =
        Enum.GetValues<LegalStatus>().Select(s => new SelectListItem(LegalStatusRules.Describe(s), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Relationships { get; } =
        Enum.GetValues<Relationship>().Select(r => new SelectListItem(RelationshipRules.Describe(r), r.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> HomeKinds { get; } =
    [
        new("With foster carers", PlacementKind.CarerHousehold.ToString()),
        new("In a residential home", PlacementKind.ResidentialHome.ToString()),
    ];

    public async Task<IReadOnlyList<SelectListItem>> SocialWorkersAsync(Guid? teamId, CancellationToken ct) =>
        (await users.GetUsersInRoleAsync(Roles.SocialWorker))
            .Where(u => u.TeamId == teamId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id))
            .ToList();

    public async Task<IReadOnlyList<SelectListItem>> IrosAsync(CancellationToken ct) =>
        (await users.GetUsersInRoleAsync(Roles.Iro))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id))
            .ToList();

    /// <summary>Carer households in the team's area first, as a child usually stays near home and school.</summary>
    public async Task<IReadOnlyList<SelectListItem>> HouseholdsAsync(Guid? teamId, CancellationToken ct)
    {
        var areaId = await db.Teams.Where(t => t.Id == teamId).Select(t => (Guid?)t.AreaId).FirstOrDefaultAsync(ct);
        // The postcode is encrypted (SensitiveFields): read it, and join it to the name here rather than in SQL.
        var households = await db.CarerHouseholds.AsNoTracking()
            .OrderBy(h => h.AreaId == areaId ? 0 : 1).ThenBy(h => h.Name)
            .Select(h => new { h.Id, h.Name, h.Postcode })
            .ToListAsync(ct);
        return [.. households.Select(h => new SelectListItem(h.Name + " – " + h.Postcode, h.Id.ToString()))];
    }
}
