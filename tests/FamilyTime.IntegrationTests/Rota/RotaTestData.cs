using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests.Rota;

/// <summary>
/// TESTS ONLY (also linked into the browser tests). Gives the demo's North area what the rota needs until the venues
/// and workers packages seed it: its venues open every day 09:00–20:00 with rooms that have every feature, and every
/// contact worker on North's rota 09:00–20:00 daily. Idempotent.
/// </summary>
public static class RotaTestData
{
    public static async Task<Guid> PrepareNorthAsync(FamilyTimeDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var north = await db.Areas.Where(a => a.Name == "North").Select(a => a.Id).SingleAsync();
        var venues = await db.Venues.Include(v => v.Rooms).Where(v => v.AreaId == north).ToListAsync();
        foreach (var venue in venues.Where(v => v.OpeningHours.Count == 0))
        {
            venue.OpeningHours.AddRange(Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, new TimeOnly(9, 0), new TimeOnly(20, 0))));
            foreach (var room in venue.Rooms)
            {
                db.Entry(room).Property(r => r.Features).CurrentValue = (RoomFeatures)127;
                db.Entry(room).Property(r => r.Capacity).CurrentValue = 12;
            }
        }
        var workers = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ContactWorker)))
            .Select(u => u.Id).ToListAsync();
        var existing = await db.WorkerProfiles.Select(p => p.UserId).ToListAsync();
        foreach (var id in workers.Except(existing))
        {
            var profile = new WorkerProfile(id);
            profile.Pattern.AddRange(Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(20, 0))));
            profile.Languages.Add("English");
            db.WorkerProfiles.Add(profile);
            db.Entry(profile).Property(p => p.AreaId).CurrentValue = north;
        }
        await db.SaveChangesAsync();
        return north;
    }
}
