using FamilyTime.Data;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Reviews;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>
/// Reviews due soon or overdue and the Independent Visitor prompt, for the child's page; a component so that page
/// takes one line to show them (others edit that page too). Shown only to those who hold the case.
/// </summary>
/// <remarks>
/// The child's page is read on every visit, so this reads the one child's facts in a single query, with the child
/// from the request's <see cref="ChildContext"/>, and hands them to the same pure rules the daily check and the
/// dashboard use (<see cref="ReviewSchedule.Due"/> and <see cref="IndependentVisitorPrompts.Due"/>).
/// </remarks>
public sealed class ChildReviewsViewComponent(FamilyTimeDbContext db, ChildContextLoader children, IndependentVisitorPrompts prompts, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var child = await children.LoadAsync(UserClaimsPrincipal.Actor(), childId, HttpContext.RequestAborted);
        if (child is null || !child.Can(ChildOperation.ViewCase))
        {
            return Content("");
        }
        var (due, prompt) = await ReadAsync(child, HttpContext.RequestAborted);
        return View("/Features/Reviews/_ChildReviews.cshtml",
            new ChildReviewsView(childId, child.Name, child.Can(ChildOperation.ManageChanges), due, [], prompt, [], prompts.Months));
    }

    private async Task<(IReadOnlyList<DueReview> Due, IndependentVisitorDue? Prompt)> ReadAsync(ChildContext child, CancellationToken ct)
    {
        var today = clock.Today();
        var id = child.ChildId;
        var rows = await db.Children.AsNoTracking().AsSingleQuery()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.CameIntoCareOn,
                CareOrderSince = c.LegalStatus == LegalStatus.CareOrder ? (DateOnly?)c.LegalStatusSince : null,
                LongTermSince = c.Placements.Where(p => p.EndDate == null && p.IsLongTerm).Select(p => (DateOnly?)p.StartDate).FirstOrDefault(),
                LastPlanReview = db.Reviews.Where(r => r.ChildId == c.Id && r.ArrangementId == null).Max(r => (DateOnly?)r.HeldOn),
                LastDecision = db.IndependentVisitorDecisions.Where(d => d.ChildId == c.Id).Max(d => (DateOnly?)d.DecidedOn),
                // Only agreed plans are reviewed: a draft is not yet in force (it shows as an overdue plan instead).
                Plans = db.ContactPlans.Where(p => p.ChildId == c.Id && p.AgreedVersion > 0).Select(p => new { p.Id, p.NextReviewOn }).ToList(),
                Arrangements = db.Arrangements.Where(a => a.ChildId == c.Id)
                    .Select(a => new
                    {
                        a.Id, a.PlanId, a.EndedOn, a.PersonIds, a.ReviewEveryMonths, a.NextReviewOn,
                        LastReview = db.Reviews.Where(r => r.ArrangementId == a.Id).Max(r => (DateOnly?)r.HeldOn),
                        // Family time happened when the session took place, even if it ended early.
                        LastHeld = db.Sessions.Where(s => s.ArrangementId == a.Id && s.Date <= today
                            && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly)).Max(s => (DateOnly?)s.Date),
                    })
                    .ToList(),
                People = c.People.Select(p => new { p.Id, p.FullName, p.Relationship }).ToList(),
            })
            // A list, not FirstAsync: the id is unique, and LIMIT on the outer query would make SQLite need APPLY for the lists inside.
            .ToListAsync(ct);
        var row = rows[0];

        var lastHeld = row.Arrangements.Where(a => a.LastReview is not null)
            .ToDictionary(a => (id, (Guid?)a.Id), a => a.LastReview!.Value);
        if (row.LastPlanReview is { } planReview)
        {
            lastHeld[(id, null)] = planReview;
        }
        var reviews = new ReviewFacts(
            [new ReviewFacts.Kid(id, child.Name, child.SocialWorkerId, child.TeamId, row.LongTermSince, row.CareOrderSince, row.CameIntoCareOn)],
            row.Plans.Select(p => new ReviewFacts.AgreedPlan(p.Id, id, p.NextReviewOn)).ToList(),
            row.Arrangements.Where(a => a.EndedOn == null)
                .Select(a => new ReviewFacts.RunningArrangement(a.Id, a.PlanId, id, a.PersonIds, a.ReviewEveryMonths, a.NextReviewOn)).ToList(),
            lastHeld,
            row.People.ToDictionary(p => p.Id, p => p.FullName));
        var due = ReviewSchedule.Due(reviews, today).Where(r => r.State != ReviewState.NotYetDue)
            .OrderBy(r => r.DueOn).ThenBy(r => r.ArrangementId is null ? 0 : 1).ToList();

        var parents = row.People.Where(p => p.Relationship is Relationship.Mother or Relationship.Father).Select(p => p.Id).ToHashSet();
        var held = row.Arrangements.Where(a => a.LastHeld is not null).Select(a => (id, a.Id, a.LastHeld!.Value));
        var visitor = new IndependentVisitorFacts(
            [new IndependentVisitorFacts.Kid(id, child.Name, child.SocialWorkerId, child.TeamId, child.LegalStatus, row.CameIntoCareOn)],
            IndependentVisitorFacts.LastWithParentOf(held, row.Arrangements.ToDictionary(a => a.Id, a => a.PersonIds), parents),
            row.LastDecision is { } decided ? new Dictionary<Guid, DateOnly> { [id] = decided } : []);
        return (due, prompts.Due(visitor, today) is [var prompt, ..] ? prompt : null);
    }
}
