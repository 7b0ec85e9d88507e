using FamilyTime.Data;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>One review that falls due: of an arrangement, or of the whole plan (no arrangement).</summary>
public sealed record DueReview(
    Guid ChildId, string ChildName, string SocialWorkerId, Guid TeamId, Guid PlanId, Guid? ArrangementId,
    string With, DateOnly DueOn, ReviewState State, int MaxMonths, bool InLongTermHome, string? Because = null)
{
    public bool IsPlanReview => ArrangementId is null;

    public string What => IsPlanReview ? "The whole plan for family time" : $"Family time with {With}";

    /// <summary>What is reviewed, to follow "Review of" in a sentence (names keep their capitals).</summary>
    public string ReviewOf => IsPlanReview ? "the whole plan for family time" : $"family time with {With}";

    /// <summary>The arrangement reviewed, or the plan for a review of the whole plan.</summary>
    public Guid Reviewed => ArrangementId ?? PlanId;

    public string TaskKey => ReviewTaskKeys.ReviewDue(Reviewed, DueOn);

    public string TaskTitle => IsPlanReview
        ? $"Review of {ChildName}’s plan for family time due on {DueOn:d MMMM yyyy}{(Because is null ? "" : $" ({Because})")}"
        : $"Review of family time with {With} ({ChildName}) due on {DueOn:d MMMM yyyy}";
}

/// <summary>What the schedule is read from, for any number of children; see <see cref="ReviewSchedule.Due"/>.</summary>
public sealed record ReviewFacts(
    IReadOnlyList<ReviewFacts.Kid> Children,
    IReadOnlyList<ReviewFacts.AgreedPlan> Plans,
    IReadOnlyList<ReviewFacts.RunningArrangement> Arrangements,
    IReadOnlyDictionary<(Guid ChildId, Guid? ArrangementId), DateOnly> LastHeld,
    IReadOnlyDictionary<Guid, string> People)
{
    /// <param name="CareOrderSince">When the child's care order was made, if that is their legal status now.</param>
    public sealed record Kid(Guid Id, string Name, string SocialWorkerId, Guid TeamId, DateOnly? LongTermSince, DateOnly? CareOrderSince = null, DateOnly? CameIntoCareOn = null);

    public sealed record AgreedPlan(Guid Id, Guid ChildId, DateOnly NextReviewOn);

    public sealed record RunningArrangement(Guid Id, Guid PlanId, Guid ChildId, IReadOnlyList<Guid> PersonIds, int ReviewEveryMonths, DateOnly NextReviewOn);
}

/// <summary>
/// When reviews fall due, read from the agreed plans every time they are shown: each running arrangement on its
/// own date, and the whole plan on its date; in a long-term home at least a year after the last review.
/// </summary>
public sealed class ReviewSchedule(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<DueReview>> ForChildrenAsync(IQueryable<Child> children, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(children);
        var kids = await children.AsNoTracking()
            .Select(c => new ReviewFacts.Kid(c.Id, (c.PreferredName ?? c.FirstName) + " " + c.LastName, c.SocialWorkerId, c.TeamId,
                c.Placements.Where(p => p.EndDate == null && p.IsLongTerm).Select(p => (DateOnly?)p.StartDate).FirstOrDefault(),
                c.LegalStatus == LegalStatus.CareOrder ? c.LegalStatusSince : null, c.CameIntoCareOn))
            .ToListAsync(ct);
        return Due(await FactsAsync(children.Select(c => c.Id), kids, ct), today);
    }

    /// <summary>The rest of the facts about children already read (the dashboard reads them with more of its own).</summary>
    public async Task<ReviewFacts> FactsAsync(IQueryable<Guid> ids, IReadOnlyList<ReviewFacts.Kid> kids, CancellationToken ct)
    {
        // Only agreed plans are reviewed: a draft is not yet in force (it shows as an overdue plan instead).
        var plans = await db.ContactPlans.AsNoTracking().Where(p => ids.Contains(p.ChildId) && p.AgreedVersion > 0)
            .Select(p => new ReviewFacts.AgreedPlan(p.Id, p.ChildId, p.NextReviewOn)).ToListAsync(ct);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.EndedOn == null)
            .Select(a => new ReviewFacts.RunningArrangement(a.Id, a.PlanId, a.ChildId, a.PersonIds, a.ReviewEveryMonths, a.NextReviewOn)).ToListAsync(ct);
        var last = (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.ChildId))
            .GroupBy(r => new { r.ChildId, r.ArrangementId })
            .Select(g => new { g.Key.ChildId, g.Key.ArrangementId, HeldOn = g.Max(r => r.HeldOn) })
            .ToListAsync(ct))
            .ToDictionary(r => (r.ChildId, r.ArrangementId), r => r.HeldOn);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return new ReviewFacts(kids, plans, arrangements, last, people);
    }

    /// <summary>The reviews the facts make due, soonest first.</summary>
    public static IReadOnlyList<DueReview> Due(ReviewFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var kids = facts.Children.ToDictionary(k => k.Id);
        var planIds = facts.Plans.Select(p => p.Id).ToHashSet();
        DateOnly? Last(Guid childId, Guid? arrangementId) => facts.LastHeld.TryGetValue((childId, arrangementId), out var held) ? held : null;
        var due = new List<DueReview>();
        foreach (var plan in facts.Plans.Where(p => kids.ContainsKey(p.ChildId)))
        {
            var kid = kids[plan.ChildId];
            var longTerm = kid.LongTermSince is not null;
            // A plan looks 12 months ahead, so it is looked at again within a year whatever the home.
            var on = ReviewDue.DueOn(plan.NextReviewOn, Last(plan.ChildId, null), kid.LongTermSince ?? today, longTerm);
            // A care order, or a move to a long-term home, since the last review of the plan brings the review forward.
            string? because = null;
            if (kid.CameIntoCareOn is { } came && ReviewDue.ChangeNeedingReview(kid.CareOrderSince, kid.LongTermSince, came, Last(plan.ChildId, null)) is { } change)
            {
                var after = ReviewDue.DueAfterChange(on, change.On);
                because = after == change.On.AddDays(ReviewDue.AfterChangeDays) ? $"{change.What} on {change.On:d MMMM yyyy}" : null;
                on = after;
            }
            due.Add(new DueReview(plan.ChildId, kid.Name, kid.SocialWorkerId, kid.TeamId, plan.Id, null, "", on,
                ReviewDue.StateOn(on, today), ReviewDue.LongTermMaxMonths, longTerm, because));
        }
        foreach (var a in facts.Arrangements.Where(a => planIds.Contains(a.PlanId) && kids.ContainsKey(a.ChildId)))
        {
            var kid = kids[a.ChildId];
            var longTerm = kid.LongTermSince is not null;
            var on = ReviewDue.DueOn(a.NextReviewOn, Last(a.ChildId, a.Id), kid.LongTermSince ?? today, longTerm);
            var with = Changes.ArrangementNames.Join(a.PersonIds, facts.People);
            due.Add(new DueReview(a.ChildId, kid.Name, kid.SocialWorkerId, kid.TeamId, a.PlanId, a.Id, with.Length == 0 ? "family" : with, on,
                ReviewDue.StateOn(on, today), ReviewDue.MaxMonths(a.ReviewEveryMonths, longTerm), longTerm));
        }
        return due.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ArrangementId is null ? 0 : 1).ToList();
    }
}
