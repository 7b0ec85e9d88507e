using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// What a suspension sets going and what closes it off: its day-5 and day-7 jobs, the social worker's tasks, and word
/// to the carers and the family. Everything is staged on the caller's unit of work, so it is saved with the change to
/// the suspension or not at all, and everything is keyed, so doing it twice does it once.
/// </summary>
public sealed class SuspensionFollowUp(JobScheduler jobs, TaskList tasks, SuspensionNotices notices)
{
    public const string WarningKind = "suspension-warning";
    public const string EscalationKind = "suspension-escalation";
    public const string DiscussTitle = "Record the discussions with the team manager and the IRO";

    public static string Link(Suspension s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ChildLinks.Suspension(s.ChildId, s.Id);
    }

    public async Task StartedAsync(Suspension s, ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(child);
        await ScheduleAsync(s, ct);
        await tasks.StageAsync(TaskFollowUps.None.Then(new TaskToAdd(SuspensionTaskKeys.Discuss(s.Id), TaskKind.SuspensionWarning,
            child.SocialWorkerId, s.ChildId, DiscussTitle, Link(s), s.LastDay)), child.Actor.UserId, ct);
        await notices.TellCarersAndFamilyAsync(s, child, ct);
    }

    /// <summary>The warning at the start of day 5 and the escalation at the start of day 7, in England's time.</summary>
    public async Task ScheduleAsync(Suspension s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        await jobs.ScheduleOnAsync(SuspensionTaskKeys.Day5(s.Id), WarningKind, s.Id, s.StartedOn.AddDays(Suspension.WarningFromDay - 1), ct);
        await jobs.ScheduleOnAsync(SuspensionTaskKeys.Day7(s.Id), EscalationKind, s.Id, s.LastDay, ct);
    }

    /// <summary>With both discussions recorded, the task asking for them is done.</summary>
    public static TaskFollowUps Discussed(Suspension s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.ManagerDiscussedOn is not null && s.IroDiscussedOn is not null
            ? TaskFollowUps.Completing(SuspensionTaskKeys.Discuss(s.Id))
            : TaskFollowUps.None;
    }

    /// <summary>
    /// Family time resumed or a section 34(4) application was made: nothing is left to do about this suspension, so
    /// every open task about it is done. Its jobs may still run, and find nothing to do.
    /// </summary>
    public static TaskFollowUps Decided(Suspension s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TaskFollowUps.Completing(SuspensionTaskKeys.All(s.Id));
    }
}
