using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;

namespace FamilyTime.Web.Features.Week;

/// <summary>
/// A social worker's week (/Week/Children): the family time of every child they are allocated, day by day, with
/// its status, supervisor and ringing in. Only their own children.
/// </summary>
[StaffOnly(Roles.SocialWorker)]
public sealed class ChildrenModel(WeekSessions sessions, TimeProvider clock) : WeekPage(clock)
{
    public IReadOnlyList<WeekSession> Sessions { get; private set; } = [];

    protected override string Path => "/Week/Children";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadWeek();
        Sessions = await sessions.ForSocialWorkerAsync(User.Scope().UserId, Week.Monday, Week.Sunday, ct);
    }

    public DayList DayOf(DateOnly day, int index) => new(day, Today, Sessions.Where(s => s.Date == day).ToList(), null, $"day-{index}");
}
