using FamilyTime.Data;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Changes;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>A child's suspensions, open or closed, with their clocks read today: for the suspension's page and the API.</summary>
public sealed class SuspensionReader(FamilyTimeDbContext db, TimeProvider clock)
{
    public async Task<SuspensionView?> OneAsync(ChildContext child, Guid suspensionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var s = await db.Suspensions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == suspensionId && x.ChildId == child.ChildId, ct);
        if (s is null)
        {
            return null;
        }
        var with = await db.ArrangementNamesAsync(child.ChildId, s.ArrangementId, ct);
        return SuspensionView.Of(s, with is null ? new Dictionary<Guid, string>() : new() { [s.ArrangementId] = with }, clock.Today(), child.LegalStatus);
    }

    /// <summary>Every suspension of the child, the latest first.</summary>
    public async Task<IReadOnlyList<SuspensionView>> AllAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var list = await db.Suspensions.AsNoTracking().Where(s => s.ChildId == child.ChildId).ToListAsync(ct);
        if (list.Count == 0)
        {
            return [];
        }
        var names = await db.ArrangementNamesAsync([child.ChildId], ct);
        var today = clock.Today();
        return list.OrderByDescending(s => s.StartedOn).Select(s => SuspensionView.Of(s, names, today, child.LegalStatus)).ToList();
    }
}
