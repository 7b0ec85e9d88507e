using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>Reads the venue list. Names are sorted here rather than in SQL so both engines give the same order.</summary>
public sealed class VenueDirectory(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<AreaVenues>> ByAreaAsync(CancellationToken ct)
    {
        var venues = await AllAsync(openOnly: false, ct);
        return venues
            .GroupBy(v => (v.AreaId, v.Area))
            .OrderBy(g => g.Key.Area, StringComparer.OrdinalIgnoreCase)
            .Select(g => new AreaVenues(g.Key.AreaId, g.Key.Area, g.ToList()))
            .ToList();
    }

    /// <summary>Open venues only: the ones family time can be arranged at.</summary>
    public Task<IReadOnlyList<VenueView>> OpenAsync(CancellationToken ct) => AllAsync(openOnly: true, ct);

    public async Task<VenueView?> OneAsync(Guid id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.Rooms).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return null;
        }
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == venue.AreaId).Select(a => a.Name).FirstAsync(ct);
        return View(venue, area);
    }

    public async Task<IReadOnlyList<AreaChoice>> AreasAsync(CancellationToken ct) =>
        (await db.Areas.AsNoTracking().Select(a => new AreaChoice(a.Id, a.Name)).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private async Task<IReadOnlyList<VenueView>> AllAsync(bool openOnly, CancellationToken ct)
    {
        var query = db.Venues.AsNoTracking().Include(v => v.Rooms).AsQueryable();
        if (openOnly)
        {
            query = query.Where(v => v.IsOpen);
        }
        var venues = await query.ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return venues
            .Select(v => View(v, areas.GetValueOrDefault(v.AreaId, "")))
            .OrderBy(v => v.Area, StringComparer.OrdinalIgnoreCase)
            .ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static VenueView View(Domain.Venues.Venue v, string area) => new(
        v.Id, v.Name, v.Address, v.Postcode, v.AreaId, area, v.Notes, v.IsOpen,
        v.Rooms.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Select(r => new RoomView(r.Id, r.Name, r.Capacity)).ToList(),
        v.Version);
}
