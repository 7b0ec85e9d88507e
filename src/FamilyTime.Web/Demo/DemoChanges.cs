using FamilyTime.Data;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Work under way in the demo, so the new workflows have something to show: a proposal to end family time waiting
/// for iro1, and a suspension on its fifth day for socialworker1. The scheduler's daily sweep adds the rest.
/// </summary>
public static class DemoChanges
{
    public static async Task AddAsync(FamilyTimeDbContext db, string workerId, string workerName, string iroId, DateOnly today, DateTime now, CancellationToken ct)
    {
        var live = await db.Arrangements.AsNoTracking()
            .Where(a => a.EndedOn == null && db.Children.Any(c => c.Id == a.ChildId && c.SocialWorkerId == workerId && c.IroId == iroId)
                && db.ContactPlans.Any(p => p.Id == a.PlanId && p.AgreedVersion > 0)
                && db.Sessions.Any(s => s.ArrangementId == a.Id && s.Date > today))
            .OrderBy(a => a.ChildId).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var forProposal = live.FirstOrDefault();
        var forSuspension = live.FirstOrDefault(a => a.ChildId != forProposal?.ChildId);
        if (forProposal is not null)
        {
            var child = await db.Children.Where(c => c.Id == forProposal.ChildId).Select(c => new { c.InCareProceedings, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).FirstAsync(ct);
            var inProceedings = child.InCareProceedings;
            var with = string.Join(" and ", await db.SignificantPeople.Where(p => forProposal.PersonIds.Contains(p.Id)).Select(p => p.FullName).ToListAsync(ct));
            var (proposal, _) = ChangeProposal.Propose(forProposal.ChildId, forProposal, ChangeKinds.Ending, null, null,
                $"{with} has told us they want to stop family time for now while they are in residential treatment, and has asked us to tell the children gently.",
                inProceedings, new Signature(workerId, workerName, now.AddHours(-20)), anotherOpen: false);
            db.ChangeProposals.Add(proposal!);
            db.Tasks.Add(WorkTask.Create($"change:{proposal!.Id}:iro", TaskKind.IroDecision, iroId, proposal.ChildId,
                $"Decide on a proposed change to {child.Name}'s family time: {proposal.Summary}", ChildLinks.Change(proposal.ChildId, proposal.Id), today.AddDays(6), now.AddHours(-20)));
        }
        if (forSuspension is not null)
        {
            var (suspension, _) = Suspension.Start(forSuspension.ChildId, forSuspension.Id, today.AddDays(-4),
                "Mum arrived at the family centre intoxicated and frightened the children; the session was ended early.", workerId, today, anotherRunning: false);
            db.Suspensions.Add(suspension!);
            var window = await db.Sessions.Where(s => s.ArrangementId == forSuspension.Id && s.Status == SessionStatus.Planned
                && s.Date >= suspension!.StartedOn && s.Date <= suspension.LastDay).ToListAsync(ct);
            foreach (var session in window)
            {
                session.Close(SessionStatus.Suspended, "Family time is suspended: " + suspension!.Reasons, workerId, now, today);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
