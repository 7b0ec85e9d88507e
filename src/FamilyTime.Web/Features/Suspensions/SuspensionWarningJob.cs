using FamilyTime.Data;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Scheduling;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// Day 5 of a suspension: the social worker must resume family time, or take legal advice and apply under section
/// 34(4), before day 7. A run delayed past day 5 (the service was down) still warns while the suspension is open.
/// </summary>
public sealed class SuspensionWarningJob(FamilyTimeDbContext db, TaskList tasks, Notifier notifier, TimeProvider clock) : IJobHandler
{
    /// <summary>The task's title: what follows for this child depends on whether section 34 covers them.</summary>
    public static string Title(SuspensionRoute route) => $"Day 5 of 7: resume family time, or {SuspensionRoutes.Otherwise(route)}";

    public string Kind => SuspensionFollowUp.WarningKind;

    public async Task RunAsync(ScheduledJob job, CancellationToken ct)
    {
        var s = await db.Suspensions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == job.SubjectId, ct);
        // Resumed, or under a section 34(4) application: there is nothing to warn about.
        if (s is null || s.StageOn(clock.Today()) is not (SuspensionStage.Warning or SuspensionStage.Escalated))
        {
            return;
        }
        var kid = await db.Children.Where(c => c.Id == s.ChildId).Select(c => new { c.SocialWorkerId, c.LegalStatus }).FirstAsync(ct);
        var socialWorkerId = kid.SocialWorkerId;
        var route = SuspensionRoutes.For(kid.LegalStatus);
        var key = SuspensionTaskKeys.Day5(s.Id);
        await tasks.AddAsync(key, TaskKind.SuspensionWarning, socialWorkerId, s.ChildId, Title(route), SuspensionFollowUp.Link(s), s.LastDay, ct);
        // The e-mail carries no child's name or details: it may be read outside the service. The task holds them.
        await notifier.EmailUserAsync(key, socialWorkerId, "Suspended family time: day 5 of 7", string.Join("\n\n",
            "Family time for a child you work with has been suspended for 5 days.",
            $"By {s.LastDay:d MMMM yyyy}, resume family time, or {SuspensionRoutes.Otherwise(route)}.",
            "Sign in to FamilyTime and open your inbox: the task is in \"Your tasks\"."), s.ChildId, ct);
    }
}
