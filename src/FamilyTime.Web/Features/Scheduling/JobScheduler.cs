using FamilyTime.Data;
using FamilyTime.Domain.Scheduling;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Scheduling;

/// <summary>Stages jobs on the caller's unit of work, so a job is stored with the change that needs it.</summary>
public sealed class JobScheduler(FamilyTimeDbContext db)
{
    /// <summary>Adds the job unless one with the key exists: scheduling twice schedules once.</summary>
    public async Task<bool> ScheduleAsync(string key, string kind, Guid? subjectId, DateTime dueAtUtc, CancellationToken ct)
    {
        if (db.ScheduledJobs.Local.Any(j => j.Key == key) || await db.ScheduledJobs.AnyAsync(j => j.Key == key, ct))
        {
            return false;
        }
        db.ScheduledJobs.Add(ScheduledJob.Create(key, kind, subjectId, dueAtUtc));
        return true;
    }

    /// <summary>Schedules the job for the start of a day in England (midnight, London time).</summary>
    public Task<bool> ScheduleOnAsync(string key, string kind, Guid? subjectId, DateOnly day, CancellationToken ct) =>
        ScheduleAsync(key, kind, subjectId, LondonTime.StartOfDayUtc(day), ct);
}
