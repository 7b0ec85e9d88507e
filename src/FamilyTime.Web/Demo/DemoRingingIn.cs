using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Ringing in for the demo: parent1's face-to-face family time with one child asks them to confirm each session by
/// 24 hours before it starts, so the portal shows "please confirm" and the scheduler has deadlines. The child is the
/// one living with carer1 (then the first by name), so carer1 sees the family's confirmation on their front page.
/// Their other children's family time does not ask, so both kinds are there to see.
/// </summary>
public static class DemoRingingIn
{
    public static async Task AddAsync(FamilyTimeDbContext db, string parentUserId, Guid? carersHousehold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == parentUserId)
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new
            {
                p.Id, p.ChildId, c.FirstName,
                WithCarer = db.Placements.Any(h => h.ChildId == c.Id && h.EndDate == null && h.CarerHouseholdId == carersHousehold),
            }).ToListAsync(ct);
        if (mine.OrderByDescending(p => p.WithCarer).ThenBy(p => p.FirstName, StringComparer.Ordinal).ThenBy(p => p.ChildId).FirstOrDefault() is not { } first)
        {
            return;
        }
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == first.ChildId && a.Form == FamilyTimeForm.FaceToFace)
            .Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var ids = arrangements.Where(a => a.PersonIds.Contains(first.Id)).Select(a => a.Id).ToList();
        await db.Arrangements.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.ConfirmationRequired, true)
            .SetProperty(a => a.ConfirmHoursBefore, ConfirmationRules.DefaultHoursBefore), ct);
    }
}
