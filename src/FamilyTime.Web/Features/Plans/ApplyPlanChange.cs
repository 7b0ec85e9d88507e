using FamilyTime.Data;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// The plan's side of an agreed major change taking effect: the arrangement changes or ends (a new plan version)
/// and its sessions follow. Staged only: whoever takes the change's last step saves it with its own audit entry.
/// Depends on nothing of the change workflow, so the change workflow can depend on it.
/// </summary>
public sealed class ApplyPlanChange(FamilyTimeDbContext db, PlanContextLoader contexts, SessionSync sessions)
{
    /// <summary>The child's plan, tracked, with its arrangements, considerations and versions.</summary>
    public Task<ContactPlan?> LoadPlanAsync(Guid childId, CancellationToken ct) => db.PlanOfChildAsync(childId, ct);

    /// <summary>Changes the arrangement to <paramref name="details"/>, or ends it when they are null.</summary>
    public async Task<ValidationErrors> ApplyAsync(
        ChildContext child, ContactPlan plan, Guid arrangementId, ArrangementDetails? details, PlanChange change, Signature by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(plan);
        var context = await contexts.LoadAsync(child, ct);
        var errors = details is null
            ? plan.EndArrangement(arrangementId, context, change, by)
            : plan.ChangeArrangement(arrangementId, details, context, change, by);
        if (errors.IsValid)
        {
            await sessions.StageAsync(plan.Arrangements.First(a => a.Id == arrangementId), child.SocialWorkerId, context.Today, ct);
        }
        return errors;
    }
}
