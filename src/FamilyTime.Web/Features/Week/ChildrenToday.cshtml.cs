using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;

namespace FamilyTime.Web.Features.Week;

/// <summary>A social worker's today (/Today/Children): their children's family time today, in time order.</summary>
[StaffOnly(Roles.SocialWorker)]
public sealed class ChildrenTodayModel(WeekSessions sessions, TimeProvider clock) : WeekPage(clock)
{
    public DayList Day { get; private set; } = default!;

    protected override string Path => "/Today/Children";

    protected override bool IsWeekPage => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        WeekAsked = null;
        ReadWeek();
        Day = new DayList(Today, Today, await sessions.ForSocialWorkerAsync(User.Scope().UserId, Today, Today, ct), null, "today");
    }
}
