using FamilyTime.Data;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Children;
using FamilyTime.Web.Features.Changes;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Features.Suspensions;

public sealed record SuspensionView(Guid Id, Guid ArrangementId, string With, DateOnly StartedOn, DateOnly LastDay, int Day, SuspensionStage Stage, Suspension Suspension, SuspensionRoute Route)
{
    /// <summary>
    /// A suspension with its clock read today; its stage is read from the dates every time it is shown, and what it
    /// asks for from the child's legal status now (section 34(4) only where section 34 applies).
    /// </summary>
    public static SuspensionView Of(Suspension s, IReadOnlyDictionary<Guid, string> arrangementNames, DateOnly today, LegalStatus legalStatus)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(arrangementNames);
        return new(s.Id, s.ArrangementId, arrangementNames.GetValueOrDefault(s.ArrangementId, "family time"), s.StartedOn, s.LastDay, s.DayOn(today), s.StageOn(today), s,
            SuspensionRoutes.For(legalStatus));
    }
}

/// <summary>
/// The suspensions still open (not resumed, no application yet), with their clocks: for the child's page, the plan,
/// the inbox and the managers' dashboard. One query when there are none, three when there are.
/// </summary>
public sealed class OpenSuspensions(FamilyTimeDbContext db, TimeProvider clock)
{
    /// <summary>The child's open suspensions.</summary>
    public Task<IReadOnlyList<SuspensionView>> OpenAsync(Guid childId, CancellationToken ct) => OpenAsync([childId], ct);

    /// <summary>The open suspensions of several children (an inbox, a team), read in one go, oldest first.</summary>
    public async Task<IReadOnlyList<SuspensionView>> OpenAsync(IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        // The child's legal status comes with each suspension (what the clock asks for depends on it), in the same query.
        var list = await db.Suspensions.AsNoTracking().Where(s => childIds.Contains(s.ChildId) && s.ResumedOn == null && s.ApplicationMadeOn == null)
            .Select(s => new { Suspension = s, Status = db.Children.Where(c => c.Id == s.ChildId).Select(c => c.LegalStatus).First() })
            .ToListAsync(ct);
        if (list.Count == 0)
        {
            return [];
        }
        var today = clock.Today();
        var names = await db.ArrangementNamesAsync(list.Select(s => s.Suspension.ChildId).Distinct().ToList(), ct);
        return list.OrderBy(s => s.Suspension.StartedOn).Select(s => SuspensionView.Of(s.Suspension, names, today, s.Status)).ToList();
    }
}
