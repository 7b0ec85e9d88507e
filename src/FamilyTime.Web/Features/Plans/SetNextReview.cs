using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Sets the date of the next plan review (at least once a year).</summary>
public sealed class SetNextReview(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ChildContext child, DateOnly? on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var plan = await db.PlanOfChildAsync(child.ChildId, ct);
        if (plan is null)
        {
            return Outcome<bool>.NotFound();
        }
        var errors = plan.SetNextReview(on, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<bool>.Invalid(errors);
        }
        // Setting the date it already has changes nothing, and records nothing.
        return AuditedSave.ChangesOf(db.Entry(plan)) is { } changes
            ? await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, child.ChildId, changes)], true, ct)
            : Outcome<bool>.Ok(true);
    }
}
