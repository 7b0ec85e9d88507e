using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Reviews;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Features.Reviews;
using FamilyTime.Web.Features.Suspensions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Dashboard;

public sealed record ChildLine(Guid ChildId, string ChildName, DateOnly Since);

public sealed record NotClosedLine(Guid ChildId, string ChildName, int Sessions, DateOnly Oldest);

public sealed record IroLine(Guid ChildId, Guid ChangeId, string ChildName, string Summary, DateTime ProposedAt, string? Iro = null);

/// <summary>One team's work that needs a manager's eye.</summary>
public sealed record TeamWork(
    Guid TeamId, string TeamName,
    IReadOnlyList<ChildLine> PlansOverdue,
    IReadOnlyList<DueReview> Reviews,
    IReadOnlyList<NotClosedLine> NotClosed,
    IReadOnlyList<SuspensionView> Suspended,
    IReadOnlyList<IroLine> IroPending,
    IReadOnlyDictionary<Guid, string>? SocialWorkers = null,
    IReadOnlyList<Wellbeing.DriftLine>? Drifting = null)
{
    /// <summary>Whose work a child's item is: the allocated social worker, by name (a dashboard of counts says nobody's).</summary>
    public string WorkOf(Guid childId) => SocialWorkers?.GetValueOrDefault(childId) is { Length: > 0 } name ? name : "no social worker allocated";

    public int NotClosedCount => NotClosed.Sum(n => n.Sessions);
}

/// <summary>
/// The managers' dashboard: per team, plans overdue, reviews due or overdue, sessions not closed off, running
/// suspensions with their clocks and changes waiting for the IRO. A team manager sees their team; a head of
/// service the teams of their area, or every team when they have no area.
/// </summary>
public sealed class TeamDashboard(FamilyTimeDbContext db, ReviewSchedule reviews, OpenSuspensions suspensions, Wellbeing.DriftReader drift, TimeProvider clock, PlanSettings plans, BankHolidays holidays)
{
    public async Task<IReadOnlyList<TeamWork>> ForAsync(UserScope user, CancellationToken ct)
    {
        var today = clock.Today();
        var teams = await TeamsFor(user).AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        if (teams.Count == 0)
        {
            return [];
        }
        var teamIds = teams.Select(t => t.Id).ToList();
        var children = db.Children.Where(c => teamIds.Contains(c.TeamId));
        var ids = children.Select(c => c.Id);
        var kids = await children.AsNoTracking()
            .Select(c => new
            {
                c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName, c.TeamId, c.LegalStatus, c.LegalStatusSince, c.CameIntoCareOn, c.SocialWorkerId,
                // Whose work each item is, read in the same query: the social worker, and the IRO for changes awaiting them.
                SocialWorker = db.Users.Where(u => u.Id == c.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefault(),
                Iro = db.Users.Where(u => u.Id == c.IroId).Select(u => u.DisplayName).FirstOrDefault(),
                LongTermSince = c.Placements.Where(p => p.EndDate == null && p.IsLongTerm).Select(p => (DateOnly?)p.StartDate).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, ct);

        // The children are read once, here: the review schedule reads the rest of its facts about them.
        var facts = await reviews.FactsAsync(ids, kids.Values.Select(k => new ReviewFacts.Kid(k.Id, k.Name, k.SocialWorkerId, k.TeamId, k.LongTermSince,
            k.LegalStatus == LegalStatus.CareOrder ? k.LegalStatusSince : null, k.CameIntoCareOn)).ToList(), ct);
        var agreed = facts.Plans.Select(p => p.ChildId).ToHashSet();
        // A missing plan is "due" for the service's grace after coming into care, and overdue only after it.
        var plansOverdue = kids.Values.Where(k => PlanDue.StateOn(k.LegalStatus, agreed.Contains(k.Id), k.CameIntoCareOn, today, plans.DueGraceWorkingDays, holidays) == PlanDueState.Overdue).ToList();
        var due = ReviewSchedule.Due(facts, today).Where(r => r.State != ReviewState.NotYetDue).ToList();
        var notClosed = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.ChildId) && s.Status == SessionStatus.Planned && s.Date < today)
            .GroupBy(s => s.ChildId)
            .Select(g => new { ChildId = g.Key, Count = g.Count(), Oldest = g.Min(s => s.Date) })
            .ToListAsync(ct);
        var suspended = await suspensions.OpenAsync(kids.Keys.ToList(), ct);
        var iro = await db.ChangeProposals.AsNoTracking()
            .Where(p => ids.Contains(p.ChildId) && p.IroDecision == IroDecision.None && p.WithdrawnAt == null && p.EffectiveAt == null)
            .Select(p => new { p.ChildId, p.Id, p.Summary, p.ProposedAt })
            .ToListAsync(ct);

        // A manager sees family time gone a month or more without a session; the child's page shows two weeks too.
        var drifting = (await drift.ForAsync(ids, ct)).Where(d => d.Kind == Domain.Wellbeing.ReviewSignalKind.NothingHeldForAMonth).ToList();

        return teams.Select(t => new TeamWork(
            t.Id, t.Name,
            plansOverdue.Where(k => k.TeamId == t.Id).OrderBy(k => k.CameIntoCareOn).ThenBy(k => k.Name, StringComparer.Ordinal)
                .Select(k => new ChildLine(k.Id, k.Name, k.CameIntoCareOn)).ToList(),
            due.Where(r => r.TeamId == t.Id).ToList(),
            notClosed.Where(n => kids[n.ChildId].TeamId == t.Id).OrderBy(n => n.Oldest)
                .Select(n => new NotClosedLine(n.ChildId, kids[n.ChildId].Name, n.Count, n.Oldest)).ToList(),
            suspended.Where(s => kids[s.Suspension.ChildId].TeamId == t.Id).OrderByDescending(s => s.Day).ToList(),
            iro.Where(p => kids[p.ChildId].TeamId == t.Id).OrderBy(p => p.ProposedAt)
                .Select(p => new IroLine(p.ChildId, p.Id, kids[p.ChildId].Name, p.Summary, p.ProposedAt, kids[p.ChildId].Iro)).ToList(),
            kids.Values.Where(k => k.TeamId == t.Id).ToDictionary(k => k.Id, k => k.SocialWorker ?? ""),
            drifting.Where(d => kids[d.ChildId].TeamId == t.Id).ToList())).ToList();
    }

    private IQueryable<Team> TeamsFor(UserScope user)
    {
        if (user.Is(Roles.HeadOfService))
        {
            return user.AreaId is { } area ? db.Teams.Where(t => t.AreaId == area) : db.Teams;
        }
        return user.Is(Roles.TeamManager) && user.TeamId is { } team ? db.Teams.Where(t => t.Id == team) : db.Teams.Where(_ => false);
    }
}
