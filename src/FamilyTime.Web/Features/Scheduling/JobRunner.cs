using FamilyTime.Data;
using FamilyTime.Domain.Scheduling;
using FamilyTime.Web.Infrastructure.Messaging;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Scheduling;

/// <summary>
/// Runs the jobs that have fallen due, each in a scope of its own so one failure touches nothing else. The clock is
/// the application's TimeProvider: tests move it forward and call <see cref="TickAsync"/> to see what a day brings.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, WriteGate gate, OutboxDispatcher outbox, TimeProvider clock, ILogger<JobRunner> log)
{
    public const string DeadlineSweep = "deadline-sweep";

    /// <summary>One turn of the scheduler: today's deadline sweep is scheduled, due jobs run, the outbox is delivered.</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        await EnsureDailySweepAsync(ct);
        await EnsureOnceAsync(SessionActions.RingingInSweep.KeyFor(clock.GetUtcNow().UtcDateTime), SessionActions.RingingInSweep.JobKind, ct);
        await RunDueAsync(ct);
        await outbox.DispatchAsync(ct);
    }

    /// <summary>One sweep a day, keyed by the date, so many servers and many restarts still make one.</summary>
    public Task EnsureDailySweepAsync(CancellationToken ct) => EnsureOnceAsync($"{DeadlineSweep}:{clock.Today():yyyy-MM-dd}", DeadlineSweep, ct);

    /// <summary>Schedules a recurring job for now under its period's key, unless that period's job exists.</summary>
    private async Task EnsureOnceAsync(string key, string kind, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<JobScheduler>();
        if (await scheduler.ScheduleAsync(key, kind, null, clock.GetUtcNow().UtcDateTime, ct))
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            try
            {
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
            }
            catch (DbUpdateException)
            {
                // Another server scheduled this period's sweep first.
            }
        }
    }

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            due = await db.ScheduledJobs.AsNoTracking().Where(j => j.Status == JobStatus.Pending && j.DueAt <= now)
                .OrderBy(j => j.DueAt).Select(j => j.Id).Take(200).ToListAsync(ct);
        }
        var ran = 0;
        foreach (var id in due)
        {
            ran += await RunOneAsync(id, ct) ? 1 : 0;
        }
        return ran;
    }

    private async Task<bool> RunOneAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        string? error;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var job = await db.ScheduledJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
            if (job is null || !job.IsDue(now))
            {
                return false;
            }
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
            try
            {
                if (handler is null)
                {
                    throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.");
                }
                await handler.RunAsync(job, ct);
                job.Succeeded(now);
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another server ran this job at the same moment; its work stands and ours is discarded.
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = ex.Message;
                JobFailed(log, ex, job.Key);
            }
        }
        // The failed attempt's staged work is thrown away with its scope; only the failure is recorded.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyTimeDbContext>();
            var job = await db.ScheduledJobs.FirstAsync(j => j.Id == id, ct);
            job.AttemptFailed(error, now);
            await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Key} failed")]
    private static partial void JobFailed(ILogger logger, Exception ex, string key);
}
