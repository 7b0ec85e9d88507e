using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>How the plan's use cases load what they change.</summary>
public static class PlanLoads
{
    /// <summary>
    /// The child's plan with its arrangements, considerations and versions, tracked for a change. One query: a
    /// plan has a handful of each, so the joined rows stay few.
    /// </summary>
    public static Task<ContactPlan?> PlanOfChildAsync(this FamilyTimeDbContext db, Guid childId, CancellationToken ct) =>
        db.ContactPlans
            .Include(p => p.Arrangements)
            .Include(p => p.Considerations)
            .Include(p => p.Versions)
            .AsSingleQuery()
            .FirstOrDefaultAsync(p => p.ChildId == childId, ct);

    /// <summary>An arrangement as input, to fill the change form.</summary>
    public static async Task<(ArrangementDetails Details, int Version)?> ArrangementDetailsAsync(this FamilyTimeDbContext db, Guid childId, Guid arrangementId, CancellationToken ct)
    {
        var a = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == arrangementId && x.ChildId == childId, ct);
        return a is null ? null : (a.ToDetails(), a.Version);
    }
}
