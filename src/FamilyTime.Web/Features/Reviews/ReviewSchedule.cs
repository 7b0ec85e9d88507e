using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>One review that falls due: of an arrangement, or of the whole plan (no arrangement).</summary>
public sealed record DueReview(
    Guid ChildId, string ChildName, string SocialWorkerId, Guid TeamId, Guid PlanId, Guid? ArrangementId,
    string With, DateOnly DueOn, ReviewState State, int MaxMonths, bool InLongTermHome)
{
    public bool IsPlanReview => ArrangementId is null;

    public string What => IsPlanReview ? "The whole plan for family time" : $"Family time with {With}";

    /// <summary>What is reviewed, to follow "Review of" in a sentence (names keep their capitals).</summary>
    public string ReviewOf => IsPlanReview ? "the whole plan for family time" : $"family time with {With}";

    /// <summary>One task per review and due date: the daily check adds it once, and a moved date is a new review.</summary>
    public string TaskKey => $"{TaskKeyPrefix(ArrangementId ?? PlanId)}{DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public string TaskTitle => IsPlanReview
        ? $"Review of {ChildName}’s plan for family time due on {DueOn:d MMMM yyyy}"
        : $"Review of family time with {With} ({ChildName}) due on {DueOn:d MMMM yyyy}";

    public static string TaskKeyPrefix(Guid reviewed) => $"review:{reviewed}:";
}

/// <summary>
/// When reviews fall due, read from the agreed plans every time they are shown: each running arrangement on its
/// own date, and the whole plan on its date; in a long-term home at least a year after the last review.
/// </summary>
public sealed class ReviewSchedule(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<DueReview>> ForChildrenAsync(IQueryable<Child> children, DateOnly today, CancellationToken ct)
    {
        var ids = children.Select(c => c.Id);
        var kids = await children.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName,
                c.SocialWorkerId,
                c.TeamId,
                LongTermSince = c.Placements.Where(p => p.EndDate == null && p.IsLongTerm).Select(p => (DateOnly?)p.StartDate).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, ct);
        // Only agreed plans are reviewed: a draft is not yet in force (it shows as an overdue plan instead).
        var plans = await db.ContactPlans.AsNoTracking().Where(p => ids.Contains(p.ChildId) && p.AgreedVersion > 0)
            .Select(p => new { p.Id, p.ChildId, p.NextReviewOn }).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToHashSet();
        var arrangements = (await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.EndedOn == null)
            .Select(a => new { a.Id, a.PlanId, a.ChildId, a.PersonIds, a.ReviewEveryMonths, a.NextReviewOn }).ToListAsync(ct))
            .Where(a => planIds.Contains(a.PlanId)).ToList();
        var last = (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.ChildId))
            .GroupBy(r => new { r.ChildId, r.ArrangementId })
            .Select(g => new { g.Key.ChildId, g.Key.ArrangementId, HeldOn = g.Max(r => r.HeldOn) })
            .ToListAsync(ct))
            .ToDictionary(r => (r.ChildId, r.ArrangementId), r => (DateOnly?)r.HeldOn);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

        var due = new List<DueReview>();
        foreach (var plan in plans.Where(p => kids.ContainsKey(p.ChildId)))
        {
            var kid = kids[plan.ChildId];
            var longTerm = kid.LongTermSince is not null;
            // A plan looks 12 months ahead, so it is looked at again within a year whatever the home.
            var on = ReviewDue.DueOn(plan.NextReviewOn, last.GetValueOrDefault(((Guid, Guid?))(plan.ChildId, null)), kid.LongTermSince ?? today, longTerm);
            due.Add(new DueReview(plan.ChildId, kid.Name, kid.SocialWorkerId, kid.TeamId, plan.Id, null, "", on,
                ReviewDue.StateOn(on, today), ReviewDue.LongTermMaxMonths, longTerm));
        }
        foreach (var a in arrangements.Where(a => kids.ContainsKey(a.ChildId)))
        {
            var kid = kids[a.ChildId];
            var longTerm = kid.LongTermSince is not null;
            var on = ReviewDue.DueOn(a.NextReviewOn, last.GetValueOrDefault((a.ChildId, (Guid?)a.Id)), kid.LongTermSince ?? today, longTerm);
            var with = string.Join(" and ", a.PersonIds.Where(people.ContainsKey).Select(id => people[id]));
            due.Add(new DueReview(a.ChildId, kid.Name, kid.SocialWorkerId, kid.TeamId, a.PlanId, a.Id, with.Length == 0 ? "family" : with, on,
                ReviewDue.StateOn(on, today), ReviewDue.MaxMonths(a.ReviewEveryMonths, longTerm), longTerm));
        }
        return due.OrderBy(r => r.DueOn).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.ArrangementId is null ? 0 : 1).ToList();
    }
}
