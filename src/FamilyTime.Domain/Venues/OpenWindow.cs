namespace FamilyTime.Domain.Venues;

/// <summary>
/// A stretch of one day when a room can be used: the venue's opening hours for that weekday, with closures taken out.
/// Half-open, as the rota reads times: a session fits when it starts at or after <see cref="From"/> and ends at or
/// before <see cref="Until"/>.
/// </summary>
public sealed record OpenWindow(TimeOnly From, TimeOnly Until)
{
    /// <summary>Minutes from midnight, as the rota's <c>DayWindow</c> counts them.</summary>
    public int FromMinute => From.Hour * 60 + From.Minute;

    public int UntilMinute => Until.Hour * 60 + Until.Minute;

    /// <summary>Whether the whole of [<paramref name="start"/>, <paramref name="end"/>) falls inside this stretch.</summary>
    public bool Holds(TimeOnly start, TimeOnly end) => From <= start && start < end && end <= Until;
}
