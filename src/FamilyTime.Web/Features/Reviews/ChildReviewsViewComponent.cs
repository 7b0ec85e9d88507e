using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Reviews;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>
/// Reviews due soon or overdue and the Independent Visitor prompt, for the child's page; a component so that page
/// takes one line to show them (others edit that page too). Shown only to those who hold the case.
/// </summary>
/// <remarks>
/// The child's page is read on every visit, so this reads the one child in a single query, with the child from the
/// request's <see cref="ChildContext"/>, and works out the dates with the same rules as <see cref="ReviewSchedule"/>
/// and <see cref="IndependentVisitorPrompts"/> (which read many children at once for the daily check and dashboard).
/// </remarks>
public sealed class ChildReviewsViewComponent(FamilyTimeDbContext db, ChildContextLoader children, IOptions<ReviewOptions> options, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var child = await children.LoadAsync(UserClaimsPrincipal.Actor(), childId, HttpContext.RequestAborted);
        if (child is null || !child.Can(ChildOperation.ViewCase))
        {
            return Content("");
        }
        var (due, prompt) = await ReadAsync(child, HttpContext.RequestAborted);
        var months = options.Value.IndependentVisitorMonths;
        return View("/Features/Reviews/_ChildReviews.cshtml",
            new ChildReviewsView(childId, child.Name, child.Can(ChildOperation.ManageChanges), due, [], prompt, [], months));
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

        var longTerm = row.LongTermSince is not null;
        var since = row.LongTermSince ?? today;
        var names = row.People.ToDictionary(p => p.Id, p => p.FullName);
        var due = new List<DueReview>();
        foreach (var plan in row.Plans)
        {
            var on = ReviewDue.DueOn(plan.NextReviewOn, row.LastPlanReview, since, longTerm);
            due.Add(new DueReview(id, child.Name, child.SocialWorkerId, child.TeamId, plan.Id, null, "", on,
                ReviewDue.StateOn(on, today), ReviewDue.LongTermMaxMonths, longTerm));
        }
        var agreed = row.Plans.Select(p => p.Id).ToHashSet();
        foreach (var a in row.Arrangements.Where(a => a.EndedOn == null && agreed.Contains(a.PlanId)))
        {
            var on = ReviewDue.DueOn(a.NextReviewOn, a.LastReview, since, longTerm);
            var with = string.Join(" and ", a.PersonIds.Where(names.ContainsKey).Select(p => names[p]));
            due.Add(new DueReview(id, child.Name, child.SocialWorkerId, child.TeamId, a.PlanId, a.Id, with.Length == 0 ? "family" : with, on,
                ReviewDue.StateOn(on, today), ReviewDue.MaxMonths(a.ReviewEveryMonths, longTerm), longTerm));
        }
        var shown = due.Where(r => r.State != ReviewState.NotYetDue)
            .OrderBy(r => r.DueOn).ThenBy(r => r.ArrangementId is null ? 0 : 1).ToList();
        return (shown, Prompt(child, row.CameIntoCareOn, row.LastDecision, today,
            row.People.Where(p => p.Relationship is Relationship.Mother or Relationship.Father).Select(p => p.Id).ToHashSet(),
            row.Arrangements.Select(a => (a.PersonIds, a.LastHeld))));
    }

    /// <summary>Guidance section 14: no family time with a parent for the configured months, and no decision since.</summary>
    private IndependentVisitorDue? Prompt(ChildContext child, DateOnly cameIntoCareOn, DateOnly? lastDecision, DateOnly today,
        HashSet<Guid> parents, IEnumerable<(List<Guid> People, DateOnly? LastHeld)> arrangements)
    {
        if (!LegalStatusRules.AuthorityArrangesFamilyTime(child.LegalStatus))
        {
            return null;
        }
        var lastParental = arrangements.Where(a => a.LastHeld is not null && a.People.Any(parents.Contains)).Max(a => a.LastHeld);
        if (IndependentVisitorPrompt.DueSince(cameIntoCareOn, lastParental, lastDecision, today, options.Value.IndependentVisitorMonths) is not { } dueSince)
        {
            return null;
        }
        var sinceCare = lastParental is not { } lp || lp <= cameIntoCareOn;
        return new IndependentVisitorDue(child.ChildId, child.Name, child.SocialWorkerId, child.TeamId,
            sinceCare ? cameIntoCareOn : lastParental!.Value, sinceCare, dueSince);
    }
}
