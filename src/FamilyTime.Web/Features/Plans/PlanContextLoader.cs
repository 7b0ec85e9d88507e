using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Reads what the plan's rules need to know about a child, as of today.</summary>
public sealed class PlanContextLoader(FamilyTimeDbContext db, TimeProvider clock)
{
    public async Task<PlanContext?> LoadAsync(Guid childId, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.FirstName, c.PreferredName, c.DateOfBirth, c.CameIntoCareOn, c.LegalStatus, c.InCareProceedings })
            .FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return null;
        }
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId)
            .OrderBy(p => p.Relationship).ThenBy(p => p.FullName)
            .Select(p => new PlanPerson(p.Id, p.FullName, p.Relationship))
            .ToListAsync(ct);
        var exception = await db.SupervisionExceptions.AnyAsync(e => e.ChildId == childId, ct);
        var rooms = await db.Rooms.AsNoTracking()
            .Where(r => db.Venues.Any(v => v.Id == r.VenueId && v.IsOpen))
            .Select(r => new VenueRoomChoice(r.VenueId, r.Id))
            .ToListAsync(ct);
        return new PlanContext(
            child.PreferredName ?? child.FirstName, child.DateOfBirth, child.CameIntoCareOn, child.LegalStatus, child.InCareProceedings,
            exception, people, rooms.ToHashSet(), clock.Today());
    }
}
