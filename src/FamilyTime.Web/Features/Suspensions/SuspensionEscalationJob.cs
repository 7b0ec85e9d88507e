using FamilyTime.Data;
using FamilyTime.Domain.Access;
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
/// Day 7 with neither resumption nor a section 34(4) application: the child's team managers must act today. With no
/// team manager in the team it goes to the heads of service, so the escalation never reaches nobody.
/// </summary>
public sealed partial class SuspensionEscalationJob(FamilyTimeDbContext db, TaskList tasks, Notifier notifier, TimeProvider clock, ILogger<SuspensionEscalationJob> log) : IJobHandler
{
    /// <summary>The task's title: what follows for this child depends on whether section 34 covers them.</summary>
    public static string Title(SuspensionRoute route) => $"Day 7 of 7: suspended family time needs your decision today: resume it, or {SuspensionRoutes.Otherwise(route)}";

    public string Kind => SuspensionFollowUp.EscalationKind;

    public async Task RunAsync(ScheduledJob job, CancellationToken ct)
    {
        var s = await db.Suspensions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == job.SubjectId, ct);
        if (s is null || s.StageOn(clock.Today()) != SuspensionStage.Escalated)
        {
            return;
        }
        var kid = await db.Children.Where(c => c.Id == s.ChildId).Select(c => new { c.TeamId, c.LegalStatus }).FirstAsync(ct);
        var teamId = kid.TeamId;
        var route = SuspensionRoutes.For(kid.LegalStatus);
        var managers = await db.InRole(Roles.TeamManager).Where(u => u.TeamId == teamId).Select(u => u.Id).ToListAsync(ct);
        if (managers.Count == 0)
        {
            NoTeamManager(log, s.Id);
            managers = await db.InRole(Roles.HeadOfService).Select(u => u.Id).ToListAsync(ct);
        }
        foreach (var managerId in managers)
        {
            var key = SuspensionTaskKeys.Day7For(s.Id, managerId);
            await tasks.AddAsync(key, TaskKind.SuspensionEscalated, managerId, s.ChildId, Title(route), SuspensionFollowUp.Link(s), s.LastDay, ct);
            await notifier.EmailUserAsync(key, managerId, "Suspended family time: day 7 of 7, your decision is needed today", string.Join("\n\n",
                "Family time for a child in your team has been suspended for 7 days, with no decision recorded on what follows.",
                $"Today, decide with the social worker: resume family time, or {SuspensionRoutes.Otherwise(route)}.",
                "Sign in to FamilyTime and open your inbox: the task is in \"Your tasks\"."), s.ChildId, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suspension {Id} escalated with no team manager in the child's team: it goes to the heads of service")]
    private static partial void NoTeamManager(ILogger logger, Guid id);
}
