namespace FamilyTime.Domain.Records;

public static class Lateness
{
    /// <summary>Whole minutes after the planned start; 0 when on time or early; null when no arrival was recorded.</summary>
    public static int? Minutes(TimeOnly? arrived, TimeOnly plannedStart) =>
        arrived is { } a ? (a <= plannedStart ? 0 : (int)(a.ToTimeSpan() - plannedStart.ToTimeSpan()).TotalMinutes) : null;

    /// <summary>Late enough to count: more than 10 minutes eats into a child's time and their trust.</summary>
    public const int CountsAsLateAfterMinutes = 10;
}
