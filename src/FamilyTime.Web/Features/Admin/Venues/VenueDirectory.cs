using FamilyTime.Data;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>Reads the venue list. Names are sorted here rather than in SQL so both engines give the same order.</summary>
public sealed class VenueDirectory(FamilyTimeDbContext db, TimeProvider clock)
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

    /// <summary>The venues the filter matches, by area then name; <paramref name="openOnly"/> leaves out venues marked closed.</summary>
    public async Task<IReadOnlyList<VenueView>> SearchAsync(VenueFilter filter, bool openOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (await AllAsync(openOnly, ct)).Where(filter.Matches).ToList();
    }

    /// <summary>Open venues only: the ones family time can be arranged at.</summary>
    public Task<IReadOnlyList<VenueView>> OpenAsync(CancellationToken ct) => AllAsync(openOnly: true, ct);

    public async Task<VenueView?> OneAsync(Guid id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return null;
        }
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == venue.AreaId).Select(a => a.Name).FirstAsync(ct);
        var concerns = await db.Feedback.CountAsync(f => f.VenueId == id && f.Kind == FeedbackKind.VenueConcern, ct);
        return View(venue, area, concerns, clock.Today());
    }

    public async Task<IReadOnlyList<AreaChoice>> AreasAsync(CancellationToken ct) =>
        (await db.Areas.AsNoTracking().Select(a => new AreaChoice(a.Id, a.Name)).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private async Task<IReadOnlyList<VenueView>> AllAsync(bool openOnly, CancellationToken ct)
    {
        var query = db.Venues.AsNoTracking().Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery().AsQueryable();
        if (openOnly)
        {
            query = query.Where(v => v.IsOpen);
        }
        var venues = await query.ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        // Concerns are counted, not read: the list shows how many, the venue's page what they say.
        var concerns = await db.Feedback.AsNoTracking()
            .Where(f => f.VenueId != null && f.Kind == FeedbackKind.VenueConcern)
            .GroupBy(f => f.VenueId!.Value)
            .Select(g => new { VenueId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.VenueId, g => g.Count, ct);
        var today = clock.Today();
        return venues
            .Select(v => View(v, areas.GetValueOrDefault(v.AreaId, ""), concerns.GetValueOrDefault(v.Id), today))
            .OrderBy(v => v.Area, StringComparer.OrdinalIgnoreCase)
            .ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static VenueView View(Domain.Venues.Venue v, string area, int concerns, DateOnly today) => new(
        v.Id, v.Name, v.Address, v.Postcode, v.AreaId, area, v.Notes, v.IsOpen,
        v.Rooms.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new RoomView(r.Id, r.Name, r.Capacity, r.Features, r.SuitsFromAge, r.SuitsToAge, r.SuitsBabies)).ToList(),
        v.Version,
        v.OpeningHours,
        v.UpcomingClosures(today)
            .Select(c => new ClosureView(c.Id, c.RoomId, c.RoomId is { } room ? v.Rooms.FirstOrDefault(r => r.Id == room)?.Name ?? "A room" : "The whole venue", c.From, c.Until, c.Reason))
            .ToList(),
        concerns);
}
