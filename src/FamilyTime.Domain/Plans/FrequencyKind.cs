namespace FamilyTime.Domain.Plans;

public enum FrequencyKind
{
    /// <summary>Every week, on the chosen days.</summary>
    Weekly = 1,

    /// <summary>Every other week, on the chosen days, counting from the week of the first session.</summary>
    Fortnightly = 2,

    /// <summary>Once a month on the same weekday as the first session ("the second Saturday").</summary>
    Monthly = 3,

    /// <summary>Only on the dates listed.</summary>
    CustomDates = 4,
}
