using System.Globalization;
using FamilyTime.Data;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Reviews;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>A child for whom an Independent Visitor referral should be considered, and since when.</summary>
public sealed record IndependentVisitorDue(Guid ChildId, string ChildName, string SocialWorkerId, Guid TeamId, DateOnly NoParentalFamilyTimeSince, bool SinceCameIntoCare, DateOnly DueSince)
{
    public string TaskKey => $"{TaskKeyPrefix(ChildId)}{DueSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public string TaskTitle => $"Consider an Independent Visitor referral for {ChildName}: no family time with a parent since {NoParentalFamilyTimeSince:d MMMM yyyy}";

    public static string TaskKeyPrefix(Guid childId) => $"iv:{childId}:";
}

/// <summary>
/// Guidance section 14: a child in care who has had no family time with a parent (no session with a parent that
/// took place) for the configured months is considered for an Independent Visitor, until the decision is recorded.
/// </summary>
public sealed class IndependentVisitorPrompts(FamilyTimeDbContext db, IOptions<ReviewOptions> options)
{
    public int Months => options.Value.IndependentVisitorMonths;

    public async Task<IReadOnlyList<IndependentVisitorDue>> DueAsync(IQueryable<Child> children, DateOnly today, CancellationToken ct)
    {
        var ids = children.Select(c => c.Id);
        var kids = (await children.AsNoTracking()
            .Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName, c.SocialWorkerId, c.TeamId, c.LegalStatus, c.CameIntoCareOn })
            .ToListAsync(ct))
            .Where(c => LegalStatusRules.AuthorityArrangesFamilyTime(c.LegalStatus))
            .ToList();
        if (kids.Count == 0)
        {
            return [];
        }
        // Family time happened when the session took place, even if it ended early; cancelled or missed ones did not.
        var held = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.ChildId) && s.ArrangementId != null && s.Date <= today
                && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly))
            .GroupBy(s => new { s.ChildId, s.ArrangementId })
            .Select(g => new { g.Key.ChildId, g.Key.ArrangementId, Last = g.Max(s => s.Date) })
            .ToListAsync(ct);
        var arrangementPeople = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.ChildId))
            .Select(a => new { a.Id, a.PersonIds }).ToDictionaryAsync(a => a.Id, a => a.PersonIds, ct);
        var parents = (await db.SignificantPeople.AsNoTracking()
            .Where(p => ids.Contains(p.ChildId) && (p.Relationship == Relationship.Mother || p.Relationship == Relationship.Father))
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var lastWithParent = held
            .Where(h => arrangementPeople.TryGetValue(h.ArrangementId!.Value, out var who) && who.Any(parents.Contains))
            .GroupBy(h => h.ChildId)
            .ToDictionary(g => g.Key, g => g.Max(h => h.Last));
        var decided = await db.IndependentVisitorDecisions.AsNoTracking().Where(d => ids.Contains(d.ChildId))
            .GroupBy(d => d.ChildId).Select(g => new { ChildId = g.Key, On = g.Max(d => d.DecidedOn) })
            .ToDictionaryAsync(d => d.ChildId, d => d.On, ct);

        var due = new List<IndependentVisitorDue>();
        foreach (var kid in kids)
        {
            DateOnly? lastParental = lastWithParent.TryGetValue(kid.Id, out var l) ? l : null;
            DateOnly? lastDecision = decided.TryGetValue(kid.Id, out var d) ? d : null;
            if (IndependentVisitorPrompt.DueSince(kid.CameIntoCareOn, lastParental, lastDecision, today, Months) is { } since)
            {
                var sinceCare = lastParental is not { } lp || lp <= kid.CameIntoCareOn;
                due.Add(new IndependentVisitorDue(kid.Id, kid.Name, kid.SocialWorkerId, kid.TeamId, sinceCare ? kid.CameIntoCareOn : lastParental!.Value, sinceCare, since));
            }
        }
        return due.OrderBy(d => d.DueSince).ThenBy(d => d.ChildName, StringComparer.Ordinal).ToList();
    }
}
