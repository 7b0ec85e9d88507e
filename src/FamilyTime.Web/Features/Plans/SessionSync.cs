using FamilyTime.Data;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// Brings an arrangement's planned sessions in line with it: future sessions still as planned are moved to the new
/// dates or withdrawn ("the plan changed"), never deleted, so each keeps its identity and calendar event (see
/// <see cref="SessionPlanner"/>); sessions that happened or were recorded are never touched. The change is staged
/// on the context and saved with the plan change, so the two never disagree; the save raises each changed
/// session's calendar Sequence.
/// </summary>
public sealed class SessionSync(FamilyTimeDbContext db, BankHolidays holidays, TimeProvider clock)
{
    public async Task<SessionChanges> StageAsync(Arrangement arrangement, string socialWorkerId, string byUserId, DateOnly today, CancellationToken ct)
    {
        var existing = await db.Sessions.Where(s => s.ArrangementId == arrangement.Id).ToListAsync(ct);
        var changes = SessionPlanner.Plan(arrangement, existing, today, holidays);
        db.Sessions.AddRange(changes.Apply(arrangement, socialWorkerId, byUserId, clock.GetUtcNow().UtcDateTime));
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
