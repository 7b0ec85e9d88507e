using FamilyTime.Data;
using FamilyTime.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// The daily safety net: every open suspension has its day-5 and day-7 jobs, including those started before the jobs
/// existed, so none can run past day 7 without someone being told. A job already due runs at the next turn.
/// </summary>
public sealed class SuspensionDeadlineCheck(FamilyTimeDbContext db, SuspensionFollowUp followUp) : IDeadlineCheck
{
    public async Task CheckAsync(DateOnly today, CancellationToken ct)
    {
        var open = await db.Suspensions.AsNoTracking().Where(s => s.ResumedOn == null && s.ApplicationMadeOn == null).ToListAsync(ct);
        if (open.Count == 0)
        {
            return;
        }
        var ids = open.Select(s => (Guid?)s.Id).ToList();
        var scheduled = await db.ScheduledJobs.AsNoTracking()
            .Where(j => ids.Contains(j.SubjectId) && (j.Kind == SuspensionFollowUp.WarningKind || j.Kind == SuspensionFollowUp.EscalationKind))
            .Select(j => j.SubjectId).ToListAsync(ct);
        foreach (var s in open.Where(s => scheduled.Count(id => id == s.Id) < 2))
        {
            await followUp.ScheduleAsync(s, ct);
        }
    }
}
