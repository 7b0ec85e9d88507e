using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// The last step, refused until every earlier one is recorded: the plan changes (a new version, or the arrangement
/// ends) and its sessions follow, saved with the proposal.
/// </summary>
public sealed class TakeEffect(FamilyTimeDbContext db, ChangeStep step, PlanContextLoader contexts, SessionSync sessions, TimeProvider clock, Plans.Letters.ParentLetterIssuer letters)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid changeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var outcome = await TakeAsync(child, changeId, ct);
        if (outcome.Kind == OutcomeKind.Ok
            && await db.ChangeProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == changeId, ct) is { EndsArrangement: false, ArrangementId: var arrangementId })
        {
            // Parents are told in writing: the changed arrangement's letter, a new version for each person in it.
            // (An ending is told by its notice.)
            await letters.IssueAllAsync(child, [arrangementId], "A change to family time took effect", ct);
        }
        return outcome;
    }

    private Task<Outcome<Guid>> TakeAsync(ChildContext child, Guid changeId, CancellationToken ct)
    {
        return step.TakeAsync(child, ChildOperation.ManageChanges, changeId, "TookEffect", async p =>
        {
            var plan = await db.ContactPlans.Include(x => x.Arrangements).Include(x => x.Versions).Include(x => x.Considerations)
                .AsSplitQuery().FirstAsync(x => x.ChildId == child.ChildId, ct);
            var arrangement = plan.Arrangements.First(a => a.Id == p.ArrangementId);
            var by = clock.Sign(child.Actor);
            var errors = p.TakeEffect(arrangement.Version, by);
            if (!errors.IsValid)
            {
                return StepTaken.Refused(errors);
            }
            var context = await contexts.LoadAsync(child, ct);
            errors = p.EndsArrangement
                ? plan.EndArrangement(arrangement.Id, context, new PlanChange(p.Reasons, p.CourtAgreedOn, p.CourtReference), by)
                : plan.ChangeArrangement(arrangement.Id, ProposedDetailsJson.Read(p.ProposedDetails!), context,
                    new PlanChange($"{p.Summary}: {p.Reasons}", p.CourtAgreedOn, p.CourtReference), by);
            if (!errors.IsValid)
            {
                return StepTaken.Refused(errors);
            }
            await sessions.StageAsync(arrangement, child.SocialWorkerId, child.Actor.UserId, context.Today, ct);
            return new StepTaken(errors, ChangeFollowUps.Closed(p));
        }, ct);
    }
}
