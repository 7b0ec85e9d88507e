namespace FamilyTime.Domain.Workforce;

/// <summary>A stretch of one day, [From, Until): when a worker can be booked, or a room is open.</summary>
public sealed record TimeWindow(TimeOnly From, TimeOnly Until)
{
    /// <summary>True when the whole of [start, end) lies inside this window.</summary>
    public bool Holds(TimeOnly start, TimeOnly end) => From <= start && end <= Until && start <= end;
}
