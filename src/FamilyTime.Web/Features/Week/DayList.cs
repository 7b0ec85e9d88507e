namespace FamilyTime.Web.Features.Week;

/// <summary>
/// One day of a person's list: its sessions in time order. <paramref name="WorkerId"/> is the contact worker whose
/// own list it is (their part is shown, and links only where they supervise); null for a social worker's list,
/// which links every session.
/// </summary>
public sealed record DayList(DateOnly Day, DateOnly Today, IReadOnlyList<WeekSession> Sessions, string? WorkerId, string HeadingId)
{
    public bool IsToday => Day == Today;
}
