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
    public string TaskKey => ReviewTaskKeys.IndependentVisitorDue(ChildId, DueSince);

    public string TaskTitle => $"Consider an Independent Visitor referral for {ChildName}: no family time with a parent since {NoParentalFamilyTimeSince:d MMMM yyyy}";
}

/// <summary>What the prompt is read from, for any number of children; see <see cref="IndependentVisitorPrompts.Due"/>.</summary>
public sealed record IndependentVisitorFacts(
    IReadOnlyList<IndependentVisitorFacts.Kid> Children,
    IReadOnlyDictionary<Guid, DateOnly> LastWithParent,
    IReadOnlyDictionary<Guid, DateOnly> LastDecidedOn)
{
    public sealed record Kid(Guid Id, string Name, string SocialWorkerId, Guid TeamId, LegalStatus LegalStatus, DateOnly CameIntoCareOn);

    /// <summary>The last day each child had family time with a parent, from the last session held per arrangement.</summary>
    public static Dictionary<Guid, DateOnly> LastWithParentOf(
        IEnumerable<(Guid ChildId, Guid ArrangementId, DateOnly Last)> held, IReadOnlyDictionary<Guid, List<Guid>> arrangementPeople, IReadOnlySet<Guid> parents) =>
        held.Where(h => arrangementPeople.TryGetValue(h.ArrangementId, out var who) && who.Any(parents.Contains))
            .GroupBy(h => h.ChildId)
            .ToDictionary(g => g.Key, g => g.Max(h => h.Last));
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
        ArgumentNullException.ThrowIfNull(children);
        var ids = children.Select(c => c.Id);
        var kids = (await children.AsNoTracking()
            .Select(c => new IndependentVisitorFacts.Kid(c.Id, (c.PreferredName ?? c.FirstName) + " " + c.LastName, c.SocialWorkerId, c.TeamId, c.LegalStatus, c.CameIntoCareOn))
            .ToListAsync(ct))
            .Where(c => LegalStatusRules.AuthorityArrangesFamilyTime(c.LegalStatus))
            .ToList();
        if (kids.Count == 0)
        {
            return [];
        }
        var held = await HeldAsync(ids, today, ct);
        var arrangementPeople = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.ChildId))
            .Select(a => new { a.Id, a.PersonIds }).ToDictionaryAsync(a => a.Id, a => a.PersonIds, ct);
        var parents = (await db.SignificantPeople.AsNoTracking()
            .Where(p => ids.Contains(p.ChildId) && (p.Relationship == Relationship.Mother || p.Relationship == Relationship.Father))
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var decided = await db.IndependentVisitorDecisions.AsNoTracking().Where(d => ids.Contains(d.ChildId))
            .GroupBy(d => d.ChildId).Select(g => new { ChildId = g.Key, On = g.Max(d => d.DecidedOn) })
            .ToDictionaryAsync(d => d.ChildId, d => d.On, ct);
        return Due(new IndependentVisitorFacts(kids, IndependentVisitorFacts.LastWithParentOf(held, arrangementPeople, parents), decided), today);
    }

    /// <summary>
    /// The last session held per child and arrangement. Family time happened when the session took place, even if it
    /// ended early; cancelled or missed ones did not.
    /// </summary>
    public async Task<IReadOnlyList<(Guid ChildId, Guid ArrangementId, DateOnly Last)>> HeldAsync(IQueryable<Guid> childIds, DateOnly today, CancellationToken ct) =>
        (await db.Sessions.AsNoTracking()
            .Where(s => childIds.Contains(s.ChildId) && s.ArrangementId != null && s.Date <= today
                && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly))
            .GroupBy(s => new { s.ChildId, s.ArrangementId })
            .Select(g => new { g.Key.ChildId, g.Key.ArrangementId, Last = g.Max(s => s.Date) })
            .ToListAsync(ct))
        .Select(h => (h.ChildId, h.ArrangementId!.Value, h.Last)).ToList();

    /// <summary>The children the facts say are due a decision, longest waiting first.</summary>
    public IReadOnlyList<IndependentVisitorDue> Due(IndependentVisitorFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var due = new List<IndependentVisitorDue>();
        foreach (var kid in facts.Children.Where(c => LegalStatusRules.AuthorityArrangesFamilyTime(c.LegalStatus)))
        {
            DateOnly? lastParental = facts.LastWithParent.TryGetValue(kid.Id, out var l) ? l : null;
            DateOnly? lastDecision = facts.LastDecidedOn.TryGetValue(kid.Id, out var d) ? d : null;
            if (IndependentVisitorPrompt.DueSince(kid.CameIntoCareOn, lastParental, lastDecision, today, Months) is { } since)
            {
                var sinceCare = lastParental is not { } lp || lp <= kid.CameIntoCareOn;
                due.Add(new IndependentVisitorDue(kid.Id, kid.Name, kid.SocialWorkerId, kid.TeamId, sinceCare ? kid.CameIntoCareOn : lastParental!.Value, sinceCare, since));
            }
        }
        return due.OrderBy(d => d.DueSince).ThenBy(d => d.ChildName, StringComparer.Ordinal).ToList();
    }
}
