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
    /// The service's own places (venues' names and addresses, the council's name and address): a parent is meant to read them, so they are set
    /// aside before looking, even when a venue stands in the same town as the child's home.
    /// </summary>
    public async Task<IReadOnlyList<string>> PublicPlacesAsync(CancellationToken ct)
    {
        if (_publicPlaces is null)
        {
            var venues = await db.Venues.AsNoTracking().Select(v => new { v.Name, v.Address, v.Postcode }).ToListAsync(ct);
            _publicPlaces = venues.SelectMany(v => new[] { $"{v.Address}, {v.Postcode}", v.Address, v.Name })
                .Concat(new[] { config["Council:Name"], config["Council:Address"] }.OfType<string>())
                .Distinct().ToList();
        }
        return _publicPlaces;
    }

    private List<string>? _publicPlaces;

    /// <summary>The facts themselves, for tests and the worker's preview.</summary>
    public async Task<HomeFacts> FactsAsync(Guid childId, CancellationToken ct)
    {
        // One command: the page budgets (SqlCommandCountTests) count every round trip a parent's page makes.
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new
            {
                c.FirstName, c.LastName, c.PreferredName, c.School, c.SchoolAddress,
                HomeName = db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null).Select(p => p.ResidentialHomeName).FirstOrDefault(),
                Household = db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null)
                    .Join(db.CarerHouseholds, p => p.CarerHouseholdId, h => (Guid?)h.Id, (p, h) => new { h.Name, h.Address, h.Postcode, h.Town }).FirstOrDefault(),
                Carers = db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null)
                    .Join(db.Users, p => p.CarerHouseholdId, u => u.CarerHouseholdId, (p, u) => u.DisplayName).ToList(),
                // The other children living there now, except the child's own brothers and sisters: the family knows them.
                Others = db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null)
                    .Join(db.Placements.Where(o => o.EndDate == null && o.ChildId != c.Id), p => p.CarerHouseholdId, o => o.CarerHouseholdId, (p, o) => o.ChildId)
                    .Concat(db.Placements.Where(p => p.ChildId == c.Id && p.EndDate == null)
                        .Join(db.Placements.Where(o => o.EndDate == null && o.ChildId != c.Id), p => p.ResidentialHomeName, o => o.ResidentialHomeName, (p, o) => o.ChildId))
                    .Where(id => !db.SignificantPeople.Any(sp => sp.ChildId == c.Id && sp.SiblingChildId == id))
                    .Join(db.Children, id => id, o => o.Id, (id, o) => new { o.FirstName, o.LastName, o.PreferredName }).ToList(),
                People = db.SignificantPeople.Where(p => p.ChildId == c.Id).Select(p => new { p.FullName, p.Relationship }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return HomeFacts.None;
        }
        var household = child.Household;
        var homeName = child.HomeName;
        var carers = child.Carers;
        var others = child.Others;

        var allowed = new List<string> { child.FirstName, child.LastName };
        allowed.AddRange(child.PreferredName is null ? [] : [child.PreferredName]);
        // The family's own names stay readable; a former carer is not family.
        allowed.AddRange(child.People.Where(p => p.Relationship != Relationship.FormerCarer).Select(p => p.FullName));
        return new HomeFacts(
            CarerNames: [.. household is null ? [] : new[] { household.Name }, .. carers],
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
