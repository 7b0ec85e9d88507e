using FamilyTime.Data;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Notifications;

/// <summary>
/// The one guard on every output to a family: letters and their PDFs, change and suspension notices, texts,
/// portal pages and the calendar feed. It reads from the database what would tell a parent where the child lives
/// (the current home's address, town and postcode, the carers, the school and its street, the other children in
/// the home) and hands back a <see cref="HomeGuard"/> that finds, removes or highlights them in any text.
/// </summary>
/// <remarks>Scoped: a child's facts are read once per request however many texts pass through.</remarks>
public sealed class FamilyOutputGuard(FamilyTimeDbContext db, IConfiguration config)
{
    private readonly Dictionary<Guid, HomeGuard> _byChild = [];

    public async Task<HomeGuard> ForChildAsync(Guid childId, CancellationToken ct)
    {
        if (_byChild.TryGetValue(childId, out var known))
        {
            return known;
        }
        var guard = HomeGuard.For(await FactsAsync(childId, ct));
        _byChild[childId] = guard;
        return guard;
    }

    /// <summary>
    /// The service's own places and contact details (venues' names and addresses, the council's name, address, e-mail and phone): a parent is
    /// meant to read them, so they are set aside before looking, even when a venue stands in the same town as the child's home, or the child's
    /// home or school is in the council's own town (every letter says "familytime@northbridge.example"), or the home's house number is a group of
    /// the council's phone number.
    /// </summary>
    public async Task<IReadOnlyList<string>> PublicPlacesAsync(CancellationToken ct)
    {
        if (_publicPlaces is null)
        {
            var venues = await db.Venues.AsNoTracking().Select(v => new { v.Name, v.Address, v.Postcode }).ToListAsync(ct);
            _publicPlaces = venues.SelectMany(v => new[] { $"{v.Address}, {v.Postcode}", v.Address, v.Name })
                .Concat(new[] { config["Council:Name"], config["Council:Address"], config["Council:Email"], config["Council:Phone"] }
                    .Select(Domain.Common.Text.Clean).OfType<string>())
                .Distinct().ToList();
        }
        return _publicPlaces;
    }

    private List<string>? _publicPlaces;

    /// <summary>The facts themselves, for tests and the worker's preview.</summary>
    public async Task<HomeFacts> FactsAsync(Guid childId, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new
            {
                c.FirstName, c.LastName, c.PreferredName, c.School, c.SchoolAddress,
                HomeName = db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null).Select(p => p.ResidentialHomeName).FirstOrDefault(),
                HouseholdId = db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefault(),
                People = db.SignificantPeople.Where(p => p.ChildId == c.Id).Select(p => new { p.Id, p.FullName, p.Relationship, p.SiblingChildId }).ToList(),
                // A carer named as the supervisor of an arrangement may have no account: they are a carer all the same.
                CarerSupervisors = db.Arrangements.Where(a => a.ChildId == c.Id && a.EndedOn == null && a.SupervisedBy == Domain.Plans.SupervisedBy.Carer && a.SupervisorName != null)
                    .Select(a => a.SupervisorName!).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return HomeFacts.None;
        }
        var householdId = child.HouseholdId;
        var homeName = child.HomeName;
        var siblings = child.People.Where(p => p.SiblingChildId != null).Select(p => p.SiblingChildId!.Value).ToList();
        var household = householdId is null ? null : await db.CarerHouseholds.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new { h.Name, h.Address, h.Postcode, h.Town, Carers = db.Users.Where(u => u.CarerHouseholdId == h.Id).Select(u => u.DisplayName).ToList() })
            .FirstOrDefaultAsync(ct);
        var carers = household?.Carers ?? [];
        // The other children living there now, except the child's own brothers and sisters: the family knows them.
        var others = householdId is null && homeName is null ? [] : await db.Placements.AsNoTracking()
            .Where(p => p.EndDate == null && p.ChildId != childId && !siblings.Contains(p.ChildId)
                && (householdId != null ? p.CarerHouseholdId == householdId : p.ResidentialHomeName == homeName))
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { c.FirstName, c.LastName, c.PreferredName })
            .ToListAsync(ct);

        var allowed = new List<string> { child.FirstName, child.LastName };
        allowed.AddRange(child.PreferredName is null ? [] : [child.PreferredName]);
        // The family's own names stay readable; a former carer is not family.
        allowed.AddRange(child.People.Where(p => p.Relationship != Relationship.FormerCarer).Select(p => p.FullName));
        return new HomeFacts(
            CarerNames: [.. household is null ? [] : new[] { household.Name }, .. carers, .. child.CarerSupervisors],
            HomeAddresses: household is null ? [] : [household.Address],
            Towns: household?.Town is { } town ? [town] : [],
            Postcodes: household is null ? [] : [household.Postcode],
            HomeNames: homeName is null ? [] : [homeName],
            Schools: child.School is null ? [] : [child.School],
            SchoolAddresses: child.SchoolAddress is null ? [] : [child.SchoolAddress],
            OtherChildren: others.SelectMany(o => new[] { $"{o.FirstName} {o.LastName}", o.FirstName, o.PreferredName }).OfType<string>().Distinct().ToList(),
            AllowedNames: allowed);
    }
}
