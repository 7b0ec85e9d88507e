using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

public sealed record PlanAgreed(int VersionNumber, int SessionsPlanned);

/// <summary>Agrees the draft plan as version 1 and plans the sessions of the next 12 months.</summary>
public sealed class AgreePlan(FamilyTimeDbContext db, PlanContextLoader contexts, SessionSync sessions, AuditedSave audit, TimeProvider clock, Letters.ParentLetterIssuer letters)
{
    public async Task<Outcome<PlanAgreed>> HandleAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var plan = await db.PlanOfChildAsync(child.ChildId, ct);
        if (plan is null)
        {
            return Outcome<PlanAgreed>.Invalid("Arrangements", "Add an arrangement for each person the child will see before agreeing the plan");
        }
        var context = await contexts.LoadAsync(child, ct);
        var errors = plan.Agree(context, clock.Sign(child.Actor));
        if (!errors.IsValid)
        {
            return Outcome<PlanAgreed>.Invalid(errors);
        }
        var planned = 0;
        foreach (var arrangement in plan.Arrangements)
        {
            planned += (await sessions.StageAsync(arrangement, child.SocialWorkerId, child.Actor.UserId, context.Today, ct)).Planned;
        }
        var note = new AuditNote(AuditAction.Update, AuditRecord.ContactPlan, plan.Id, child.ChildId, PlanAuditJson.Agreed(plan.AgreedVersion, planned));
        var outcome = await audit.SaveOutcomeAsync(child.Actor, [note], new PlanAgreed(plan.AgreedVersion, planned), ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            // Parents are told in writing: each person's letter, a new numbered version, once the agreement is saved.
            await letters.IssueAllAsync(child, plan.Arrangements.Where(a => !a.IsEnded).Select(a => a.Id).ToList(), $"Version {plan.AgreedVersion} of the plan was agreed", ct);
        }
        return outcome;
    }
}
