namespace FamilyTime.Domain.Sessions;

/// <summary>
/// How urgent one piece of work about a child's family time is, for the inbox's order: a suspension on day 5 or
/// later comes first (the 7 days run out), the longest suspended first; then work past its day, the most days
/// overdue first; then work due soon, soonest first; then work without a date. A smaller value is more urgent.
/// </summary>
public readonly record struct WorkUrgency(int Tier, int Within) : IComparable<WorkUrgency>
{
    /// <summary>The day of a suspension from which it leads the inbox: two days left to resume or apply under section 34(4).</summary>
    public const int SuspensionLeadsFromDay = 5;

    public static WorkUrgency Of(DateOnly? due, DateOnly today, int? suspensionDay = null)
    {
        if (suspensionDay is { } day && day >= SuspensionLeadsFromDay)
        {
            return new(0, -day);
        }
        if (due is { } d && d < today)
        {
            return new(1, -(today.DayNumber - d.DayNumber));
        }
        return due is { } soon ? new(2, soon.DayNumber - today.DayNumber) : new(3, 0);
    }

    /// <summary>Work that cannot wait for its turn: a young person asking to talk to someone leads the inbox.</summary>
    public static WorkUrgency Urgent { get; } = new(0, int.MinValue);

    /// <summary>Days past its day, or 0.</summary>
    public int DaysOverdue => Tier == 1 ? -Within : 0;

    public int CompareTo(WorkUrgency other) => Tier != other.Tier ? Tier.CompareTo(other.Tier) : Within.CompareTo(other.Within);

    public static bool operator <(WorkUrgency a, WorkUrgency b) => a.CompareTo(b) < 0;
    public static bool operator >(WorkUrgency a, WorkUrgency b) => a.CompareTo(b) > 0;
    public static bool operator <=(WorkUrgency a, WorkUrgency b) => a.CompareTo(b) <= 0;
    public static bool operator >=(WorkUrgency a, WorkUrgency b) => a.CompareTo(b) >= 0;
}
