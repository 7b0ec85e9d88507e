using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Scheduling;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Scheduling;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>
/// Ringing in, every quarter of an hour on the scheduler: a session whose family had to confirm by a deadline now
/// passed, and did not, is marked unconfirmed; the carer and the supervisor are told not to set off, and the social
/// worker gets a task. The mark is saved with the job's "done", and messages and tasks go by key, so a sweep run
/// twice (or by two servers) tells them once.
/// </summary>
public sealed class RingingInSweep(FamilyTimeDbContext db, SessionAlerts alerts, TaskList tasks, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "ringing-in";

    /// <summary>How often the sweep runs: a deadline is noticed within this many minutes.</summary>
    public const int EveryMinutes = 15;

    public string Kind => JobKind;

    /// <summary>This quarter-hour's job key, so many servers and restarts still make one sweep per quarter.</summary>
    public static string KeyFor(DateTime utcNow) =>
        $"{JobKind}:{utcNow:yyyy-MM-dd}T{utcNow.Hour:00}:{utcNow.Minute / EveryMinutes * EveryMinutes:00}";

    public async Task RunAsync(ScheduledJob job, CancellationToken ct)
    {
        var now = FamilySessions.NowOf(clock);
        var today = now.Today;
        // The longest deadline is a week before the start: nothing further ahead can be due.
        var last = today.AddDays(ConfirmationRules.MaxHoursBefore / 24 + 1);
        var due = await db.Sessions
            .Where(s => s.Status == SessionStatus.Planned && s.ConfirmedAt == null && s.UnconfirmedAt == null && s.Date >= today && s.Date <= last)
            .Join(db.Arrangements.Where(a => a.ConfirmationRequired), s => s.ArrangementId, a => a.Id, (s, a) => new { Session = s, a.ConfirmHoursBefore, a.PersonIds })
            .ToListAsync(ct);
        foreach (var row in due)
        {
            var s = row.Session;
            if (!s.MarkUnconfirmedIfDue(required: true, row.ConfirmHoursBefore, now))
            {
                continue;
            }
            var child = await db.Children.AsNoTracking().Where(c => c.Id == s.ChildId).Select(c => new { c.FirstName, c.PreferredName }).FirstAsync(ct);
            var childName = child.PreferredName ?? child.FirstName;
            var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == s.ChildId).Select(p => new { p.Id, p.FullName }).ToListAsync(ct);
            var with = string.Join(" and ", people.Where(p => row.PersonIds.Contains(p.Id)).Select(p => p.FullName));
            var when = SessionAlerts.When(s.Date, s.StartTime);
            await alerts.TellAsync(s, SessionActionKeys.NotSettingOff(s), "Family time not confirmed: do not set off", name => string.Join("\n\n",
                $"Dear {name},",
                $"Family time with {childName}{(with.Length == 0 ? "" : $" and {with}")} on {when} has not been confirmed by the family, and the deadline to confirm has passed.",
                "Please do not set off for this session. If the family confirms before it starts, we will tell you straight away that it is on again."), ct);
            await tasks.AddAsync(SessionActionKeys.UnconfirmedTask(s), TaskKind.SessionUnconfirmed, s.SocialWorkerId, s.ChildId,
                $"Not confirmed: {childName}’s family time on {when}; the carer and supervisor were told not to set off",
                ChildLinks.Session(s.ChildId, s.Id), s.Date, ct);
        }
    }
}
