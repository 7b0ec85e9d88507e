using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Records that the agreed plan was shared with the family today.</summary>
public sealed class SharePlan(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var plan = await db.PlanOfChildAsync(child.ChildId, ct);
        var errors = plan?.ShareWithFamily(clock.Today()) ?? new ValidationErrors().Add("", "Agree the plan before sharing it with the family");
        if (!errors.IsValid)
        {
            return Outcome<bool>.Invalid(errors);
        }
        var note = new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan!.Id, child.ChildId, AuditedSave.ChangesOf(db.Entry(plan)));
        return await audit.SaveOutcomeAsync(child.Actor, [note], true, ct);
    }
}
