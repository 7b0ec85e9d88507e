using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Ringing in for the demo: parent1's face-to-face family time with their first child (by name) asks them to confirm
/// each session by 24 hours before it starts, so the portal shows "please confirm" and the scheduler has deadlines.
/// Their other children's family time does not, so both kinds are there to see.
/// </summary>
public static class DemoRingingIn
{
    public static async Task AddAsync(FamilyTimeDbContext db, string parentUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == parentUserId)
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { p.Id, p.ChildId, c.FirstName }).ToListAsync(ct);
        if (mine.OrderBy(p => p.FirstName, StringComparer.Ordinal).ThenBy(p => p.ChildId).FirstOrDefault() is not { } first)
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
