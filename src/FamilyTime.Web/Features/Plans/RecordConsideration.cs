using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Records why a parent, brother or sister has no family time in the plan for now (starting the plan if there is none).</summary>
public sealed class RecordConsideration(FamilyTimeDbContext db, PlanContextLoader contexts, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ChildContext child, Guid personId, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var context = await contexts.LoadAsync(child, ct);
        var plan = await db.PlanOfChildAsync(child.ChildId, ct);
        if (plan is null)
        {
            if (PlanRules.ArrangingRefused(context) is { } notArranged)
            {
                return Outcome<bool>.Invalid("", notArranged);
            }
            plan = ContactPlan.Start(child.ChildId, context);
            db.ContactPlans.Add(plan);
        }
        var before = plan.Considerations.Select(c => c.Id).ToHashSet();
        var errors = plan.Consider(personId, reason, context, clock.Sign(child.Actor));
        if (!errors.IsValid)
        {
            return Outcome<bool>.Invalid(errors);
        }
        foreach (var added in plan.Considerations.Where(c => !before.Contains(c.Id)))
        {
            db.PersonConsiderations.Add(added);
        }
        var note = new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, child.ChildId, PlanAuditJson.Considered(personId, reason!.Trim()));
        return await audit.SaveOutcomeAsync(child.Actor, [note], true, ct);
    }
}
