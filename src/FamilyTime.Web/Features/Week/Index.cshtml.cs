using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;

namespace FamilyTime.Web.Features.Week;

/// <summary>
/// A contact worker's week (/Week): the sessions they work, as supervisor, second worker or driver, day by day in
/// time order, and the records they still have to write. Only their own bookings: nobody else's are read.
/// </summary>
[StaffOnly(Roles.ContactWorker)]
public sealed class IndexModel(WeekSessions sessions, TimeProvider clock) : WeekPage(clock)
{
    public IReadOnlyList<WeekSession> Sessions { get; private set; } = [];

    public IReadOnlyList<RecordToWrite> ToWrite { get; private set; } = [];

    public string UserId { get; private set; } = "";

    protected override string Path => "/Week";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadWeek();
        UserId = User.Scope().UserId;
        Sessions = await sessions.ForWorkerAsync(UserId, Week.Monday, Week.Sunday, ct);
        ToWrite = await sessions.RecordsToWriteAsync(UserId, ct);
    }

    public DayList DayOf(DateOnly day, int index) => new(day, Today, Sessions.Where(s => s.Date == day).ToList(), UserId, $"day-{index}");
}
