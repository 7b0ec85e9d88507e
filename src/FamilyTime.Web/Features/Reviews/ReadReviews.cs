using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Changes;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Reviews;

public sealed record PastReview(ReviewRecord Record, string What);

/// <summary>Everything the child's reviews page shows.</summary>
public sealed record ChildReviewsView(
    Guid ChildId, string ChildName, bool CanEdit, IReadOnlyList<DueReview> Due, IReadOnlyList<PastReview> Past,
    IndependentVisitorDue? IndependentVisitor, IReadOnlyList<IndependentVisitorDecision> Decisions, int IndependentVisitorMonths);

/// <summary>
/// One child's reviews: what falls due, what was decided before, and the Independent Visitor. The same rules as the
/// daily checks and the dashboard (<see cref="ReviewSchedule.Due"/>, <see cref="IndependentVisitorPrompts.Due"/>),
/// fed from a handful of queries about this child alone; the child's name and legal status come from the context.
/// </summary>
public sealed class ReadReviews(FamilyTimeDbContext db, IndependentVisitorPrompts prompts, TimeProvider clock)
{
    public async Task<ChildReviewsView> HandleAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var today = clock.Today();
        var id = child.ChildId;
        var facts = await db.Children.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.CameIntoCareOn,
                CareOrderSince = c.LegalStatus == LegalStatus.CareOrder ? (DateOnly?)c.LegalStatusSince : null,
                LongTermSince = c.Placements.Where(p => p.EndDate == null && p.IsLongTerm).Select(p => (DateOnly?)p.StartDate).FirstOrDefault(),
                PlanId = db.ContactPlans.Where(p => p.ChildId == c.Id && p.AgreedVersion > 0).Select(p => (Guid?)p.Id).FirstOrDefault(),
                PlanNextReviewOn = db.ContactPlans.Where(p => p.ChildId == c.Id && p.AgreedVersion > 0).Select(p => (DateOnly?)p.NextReviewOn).FirstOrDefault(),
            })
            .FirstAsync(ct);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == id)
            .Select(a => new { a.Id, a.PlanId, a.PersonIds, a.ReviewEveryMonths, a.NextReviewOn, a.EndedOn }).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == id)
            .Select(p => new { p.Id, p.FullName, p.Relationship }).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ChildId == id).ToListAsync(ct);
        var decisions = await db.IndependentVisitorDecisions.AsNoTracking().Where(d => d.ChildId == id).ToListAsync(ct);
        var names = people.ToDictionary(p => p.Id, p => p.FullName);

        var kid = new ReviewFacts.Kid(id, child.Name, child.SocialWorkerId, child.TeamId, facts.LongTermSince, facts.CareOrderSince, facts.CameIntoCareOn);
        List<ReviewFacts.AgreedPlan> plans = facts.PlanId is { } planId ? [new(planId, id, facts.PlanNextReviewOn!.Value)] : [];
        var running = arrangements.Where(a => a.EndedOn == null)
            .Select(a => new ReviewFacts.RunningArrangement(a.Id, a.PlanId, id, a.PersonIds, a.ReviewEveryMonths, a.NextReviewOn)).ToList();
        var lastHeld = reviews.GroupBy(r => (id, r.ArrangementId)).ToDictionary(g => g.Key, g => g.Max(r => r.HeldOn));
        var due = ReviewSchedule.Due(new ReviewFacts([kid], plans, running, lastHeld, names), today);

        var with = arrangements.ToDictionary(a => a.Id, a => ArrangementNames.Join(a.PersonIds, names));
        var past = reviews.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.RecordedAt)
            .Select(r => new PastReview(r, r.ArrangementId is { } a ? $"Family time with {with.GetValueOrDefault(a, "family")}" : "The whole plan for family time"))
            .ToList();

        IndependentVisitorDue? prompt = null;
        if (LegalStatusRules.AuthorityArrangesFamilyTime(child.LegalStatus))
        {
            var held = await prompts.HeldAsync(db.Children.Where(c => c.Id == id).Select(c => c.Id), today, ct);
            var parents = people.Where(p => p.Relationship is Relationship.Mother or Relationship.Father).Select(p => p.Id).ToHashSet();
            var lastWithParent = IndependentVisitorFacts.LastWithParentOf(held, arrangements.ToDictionary(a => a.Id, a => a.PersonIds), parents);
            var lastDecided = decisions.Count == 0 ? new Dictionary<Guid, DateOnly>() : new() { [id] = decisions.Max(d => d.DecidedOn) };
            var kidFacts = new IndependentVisitorFacts.Kid(id, child.Name, child.SocialWorkerId, child.TeamId, child.LegalStatus, facts.CameIntoCareOn);
            var found = prompts.Due(new IndependentVisitorFacts([kidFacts], lastWithParent, lastDecided), today);
            prompt = found.Count > 0 ? found[0] : null;
        }
        return new ChildReviewsView(id, child.Name, child.Can(ChildOperation.ManageChanges), due, past, prompt,
            decisions.OrderByDescending(d => d.DecidedAt).ToList(), prompts.Months);
    }
}
