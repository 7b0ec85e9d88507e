namespace FamilyTime.Web.Features.Week;

/// <summary>
/// One day of a person's list: its sessions in time order. <paramref name="WorkerId"/> is the contact worker whose
/// own list it is (their part is shown, and links only where they supervise); null for a social worker's list,
/// which links every session.
/// </summary>
public sealed record DayList(DateOnly Day, DateOnly Today, IReadOnlyList<WeekSession> Sessions, string? WorkerId, string HeadingId)
{
    public bool IsToday => Day == Today;

    /// <summary>
    /// On a contact worker's own list, their other sessions this day whose times overlap <paramref name="s"/>: a clash
    /// for the coordinator to sort out (a session not yet booked keeps the supervisor the plan copied, which nobody
    /// checked), shown beside both. None on a social worker's list, whose sessions have different workers. Only sessions
    /// still planned and to come: a past one is the record's business, not the coordinator's to move.
    /// </summary>
    public IReadOnlyList<WeekSession> ClashesWith(WeekSession s) => WorkerId is null || !StillToCome(s)
        ? []
        : Sessions.Where(o => o.Id != s.Id && StillToCome(o) && o.Start < s.End && s.Start < o.End).ToList();

    private bool StillToCome(WeekSession s) => s.Status == Domain.Sessions.SessionStatus.Planned && s.Date >= Today;
}
