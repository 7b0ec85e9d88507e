using FamilyTime.Domain.Scheduling;

namespace FamilyTime.Web.Features.Scheduling;

/// <summary>One daily look at deadlines that come from dates rather than events (reviews, Independent Visitor).</summary>
public interface IDeadlineCheck
{
    Task CheckAsync(DateOnly today, CancellationToken ct);
}

/// <summary>The daily job: runs every deadline check; each adds tasks by key, so running it twice adds nothing.</summary>
public sealed class DeadlineSweep(IEnumerable<IDeadlineCheck> checks, TimeProvider clock) : IJobHandler
{
    public string Kind => JobRunner.DeadlineSweep;

    public async Task RunAsync(ScheduledJob job, CancellationToken ct)
    {
        var today = Infrastructure.LondonTime.Today(clock);
        foreach (var check in checks)
        {
            await check.CheckAsync(today, ct);
        }
    }
}
