using FamilyTime.Data;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// Brings an arrangement's planned sessions in line with it: future sessions still as planned are replaced,
/// sessions that happened or were recorded are never touched. The change is staged on the context and saved
/// with the plan change, so the two never disagree.
/// </summary>
public sealed class SessionSync(FamilyTimeDbContext db, BankHolidays holidays)
{
    public async Task<SessionChanges> StageAsync(Arrangement arrangement, string socialWorkerId, DateOnly today, CancellationToken ct)
    {
        var existing = await db.Sessions.Where(s => s.ArrangementId == arrangement.Id).ToListAsync(ct);
        var changes = SessionPlanner.Plan(arrangement, existing, today, holidays);
        db.Sessions.RemoveRange(changes.Remove);
        db.Sessions.AddRange(changes.Add.Select(slot => new FamilyTimeSession(arrangement.ChildId, arrangement.Id, slot, socialWorkerId)));
        await AssignSupervisorAsync(arrangement, today, ct);
        return changes;
    }

    /// <summary>The supervisor named on an arrangement reaches the child (at the minimum needed to run sessions).</summary>
    private async Task AssignSupervisorAsync(Arrangement arrangement, DateOnly today, CancellationToken ct)
    {
        if (arrangement.SupervisorId is not { } supervisor)
        {
            return;
        }
        var assigned = await db.SupervisorAssignments.AnyAsync(a => a.ChildId == arrangement.ChildId && a.UserId == supervisor, ct)
            || db.SupervisorAssignments.Local.Any(a => a.ChildId == arrangement.ChildId && a.UserId == supervisor);
        if (!assigned)
        {
            db.SupervisorAssignments.Add(new SupervisorAssignment(arrangement.ChildId, supervisor, today));
        }
    }
}
