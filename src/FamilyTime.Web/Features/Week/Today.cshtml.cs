using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;

namespace FamilyTime.Web.Features.Week;

/// <summary>A contact worker's today (/Today): the sessions they work today, in time order, and the records they still have to write.</summary>
[StaffOnly(Roles.ContactWorker)]
public sealed class TodayModel(WeekSessions sessions, TimeProvider clock) : WeekPage(clock)
{
    public DayList Day { get; private set; } = default!;

    public IReadOnlyList<RecordToWrite> ToWrite { get; private set; } = [];

    protected override string Path => "/Today";

    protected override bool IsWeekPage => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Today has no week to ask for: whatever ?week= says, it is today.
        WeekAsked = null;
        ReadWeek();
        var me = User.Scope().UserId;
        Day = new DayList(Today, Today, await sessions.ForWorkerAsync(me, Today, Today, ct), me, "today");
        ToWrite = await sessions.RecordsToWriteAsync(me, ct);
    }
}
