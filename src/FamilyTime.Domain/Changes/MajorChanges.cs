using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Changes;

/// <summary>One kind of major change and why it is major, as the arrangement form shows it.</summary>
public sealed record MajorChangeRule(ChangeKinds Kind, string What, string Why);

/// <summary>
/// Which changes to agreed family time are major (guidance section 11): how often it happens, how long it lasts
/// when it gets shorter, where, how it is supervised, who takes part, and a school-age child's session moved into
/// school hours. Those go through the IRO; moving the time otherwise, or the activity or transport, does not.
/// The list is data with its reasons so the arrangement form can show exactly what counts.
/// </summary>
public static class MajorChanges
{
    /// <summary>School hours on a weekday (a typical school day; holidays are not known here).</summary>
    public static readonly TimeOnly SchoolStarts = new(8, 45);
    public static readonly TimeOnly SchoolEnds = new(15, 15);

    /// <summary>Children are of school age from 5 until they are 16.</summary>
    public const int SchoolAgeFrom = 5;
    public const int SchoolAgeUntil = 16;

    public static IReadOnlyList<MajorChangeRule> Rules { get; } =
    [
        new(ChangeKinds.Frequency, "How often family time happens, or how (face to face, phone, video)",
            "Fewer or different sessions change the child's relationships, so the IRO looks at it first."),
        new(ChangeKinds.Duration, "Making sessions shorter",
            "Shorter sessions are less family time: a reduction of family time always goes to the IRO."),
        new(ChangeKinds.SchoolHours, "Moving a school-age child's session into school hours",
            "Family time should not take a child out of school; moving a session to a different time is otherwise a minor change."),
        new(ChangeKinds.Venue, "Where family time happens",
            "A new place changes the journey, the child's comfort and who might learn where they are."),
        new(ChangeKinds.Supervision, "How family time is supervised",
            "More or less supervision changes the parent's rights and what is recorded."),
        new(ChangeKinds.Other, "Who takes part, when someone is taken out",
            "Taking someone out of family time is a reduction for them and for the child."),
        new(ChangeKinds.Ending, "Ending this family time",
            "Ending family time is the biggest change of all: the IRO decides, with reasons, before it takes effect."),
    ];

    /// <summary>The kinds of major change between the agreed arrangement and the proposed one, for a child of the age given.</summary>
    public static ChangeKinds Between(ArrangementDetails before, ArrangementDetails after, DateOnly? dateOfBirth = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var kinds = ChangeKinds.None;
        if (before.Form != after.Form || before.Frequency != after.Frequency || !before.Days.SetEquals(after.Days)
            || !before.CustomDates.Order().SequenceEqual(after.CustomDates.Order())
            || (before.Frequency is FrequencyKind.Fortnightly or FrequencyKind.Monthly && before.FirstDate != after.FirstDate && before.FirstDate?.DayOfWeek != after.FirstDate?.DayOfWeek))
        {
            kinds |= ChangeKinds.Frequency;
        }
        if (before.DurationMinutes is { } was && after.DurationMinutes is { } now && now < was)
        {
            kinds |= ChangeKinds.Duration;
        }
        if (dateOfBirth is { } born && today is { } on && IsSchoolAge(born, on) && !InSchoolHours(before) && InSchoolHours(after))
        {
            kinds |= ChangeKinds.SchoolHours;
        }
        if (before.Place != after.Place || before.VenueId != after.VenueId || before.RoomId != after.RoomId
            || !string.Equals(before.PlaceDescription?.Trim(), after.PlaceDescription?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            kinds |= ChangeKinds.Venue;
        }
        if (before.Type != after.Type)
        {
            kinds |= ChangeKinds.Supervision;
        }
        if (before.PersonIds.Except(after.PersonIds).Any())
        {
            kinds |= ChangeKinds.Other;
        }
        return kinds;
    }

    public static bool IsSchoolAge(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year - (dateOfBirth.AddYears(today.Year - dateOfBirth.Year) > today ? 1 : 0);
        return age is >= SchoolAgeFrom and < SchoolAgeUntil;
    }

    /// <summary>Whether any face-to-face session falls on a weekday and overlaps school hours.</summary>
    public static bool InSchoolHours(ArrangementDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!d.IsFaceToFace || d.StartTime is not { } start || d.DurationMinutes is not { } minutes)
        {
            return false;
        }
        IReadOnlySet<DayOfWeek> weekdays = d.Frequency switch
        {
            FrequencyKind.Weekly or FrequencyKind.Fortnightly => d.Days,
            FrequencyKind.Monthly => d.FirstDate is { } first ? new HashSet<DayOfWeek> { first.DayOfWeek } : new HashSet<DayOfWeek>(),
            FrequencyKind.CustomDates => d.CustomDates.Select(x => x.DayOfWeek).ToHashSet(),
            _ => new HashSet<DayOfWeek>(),
        };
        var end = start.AddMinutes(minutes);
        return weekdays.Any(day => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) && start < SchoolEnds && end > SchoolStarts;
    }

    public static string Describe(ChangeKinds kinds)
    {
        var parts = new List<string>();
        if (kinds.HasFlag(ChangeKinds.Ending))
        {
            parts.Add("ending this family time");
        }
        if (kinds.HasFlag(ChangeKinds.Frequency))
        {
            parts.Add("how often it happens");
        }
        if (kinds.HasFlag(ChangeKinds.Duration))
        {
            parts.Add("shorter sessions");
        }
        if (kinds.HasFlag(ChangeKinds.SchoolHours))
        {
            parts.Add("a session in school hours");
        }
        if (kinds.HasFlag(ChangeKinds.Venue))
        {
            parts.Add("where it happens");
        }
        if (kinds.HasFlag(ChangeKinds.Supervision))
        {
            parts.Add("how it is supervised");
        }
        if (kinds.HasFlag(ChangeKinds.Other))
        {
            parts.Add("who takes part");
        }
        return parts.Count switch
        {
            0 => "nothing major",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }
}
