using FamilyTime.Data;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// What a suspension sets going and what closes it off: its day-5 and day-7 jobs, the social worker's tasks, and word
/// to the carers and the family. Everything is staged on the caller's unit of work, so it is saved with the change to
/// the suspension or not at all, and everything is keyed, so doing it twice does it once.
/// </summary>
public sealed class SuspensionFollowUp(FamilyTimeDbContext db, JobScheduler jobs, TaskList tasks, SuspensionNotices notices)
{
    public const string WarningKind = "suspension-warning";
    public const string EscalationKind = "suspension-escalation";
    public const string DiscussTitle = "Record the discussions with the team manager and the IRO";

    /// <summary>Every task, job and message about one suspension starts with this, so they can be found and closed together.</summary>
    public static string KeyPrefix(Guid suspensionId) => $"suspension:{suspensionId}:";

    public static string Link(Suspension s) => $"/Children/{s.ChildId}/Suspensions/{s.Id}";

    public async Task StartedAsync(Suspension s, CancellationToken ct)
    {
        await ScheduleAsync(s, ct);
        var socialWorkerId = await db.Children.Where(c => c.Id == s.ChildId).Select(c => c.SocialWorkerId).FirstAsync(ct);
        await tasks.AddAsync(KeyPrefix(s.Id) + "discuss", TaskKind.SuspensionWarning, socialWorkerId, s.ChildId, DiscussTitle, Link(s), s.LastDay, ct);
        await notices.TellCarersAndFamilyAsync(s, ct);
    }

    /// <summary>The warning at the start of day 5 and the escalation at the start of day 7, in England's time.</summary>
    public async Task ScheduleAsync(Suspension s, CancellationToken ct)
    {
        await jobs.ScheduleOnAsync(KeyPrefix(s.Id) + "day5", WarningKind, s.Id, s.StartedOn.AddDays(Suspension.WarningFromDay - 1), ct);
        await jobs.ScheduleOnAsync(KeyPrefix(s.Id) + "day7", EscalationKind, s.Id, s.LastDay, ct);
    }

    /// <summary>With both discussions recorded, the task asking for them is done.</summary>
    public async Task DiscussedAsync(Suspension s, string byId, CancellationToken ct)
    {
        if (s.ManagerDiscussedOn is not null && s.IroDiscussedOn is not null)
        {
            await tasks.CompleteAsync(KeyPrefix(s.Id) + "discuss", byId, ct);
        }
    }

    /// <summary>
    /// Family time resumed or a section 34(4) application was made: nothing is left to do about this suspension, so
    /// every open task about it is done. Its jobs may still run, and find nothing to do.
    /// </summary>
    public Task<int> DecidedAsync(Suspension s, string byId, CancellationToken ct) => tasks.CompleteAsync(KeyPrefix(s.Id), byId, ct);
}
