using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Rota;

/// <summary>When, in minutes from midnight, one session may start: the range the rota chooses its start from.</summary>
public sealed record StartWindow(int Earliest, int Latest, string Why);

/// <summary>
/// The start window the rota gives a session, by the child's age and the day. The rota may move a session only
/// within a window the family and child can keep:
/// <list type="bullet">
/// <item>School-age children (5 to 16) on a weekday are at school: after school, starting from 15:30 and ending by
/// 19:00 (before tea and bed on a school night).</item>
/// <item>Babies and infants (<see cref="InfantGuidance.IsInfant"/>): the guidance sets journey and session lengths but
/// no hours, so the daytime, 09:30 to 15:00, between morning and afternoon naps and before the carer's school run.</item>
/// <item>Everyone else (weekends, under-fives, over-sixteens): within two hours either side of the planned start,
/// the time the family already knows; the venue's opening hours are applied to each room by the rota itself.</item>
/// </list>
/// </summary>
public static class SessionWindow
{
    public const int AfterSchool = 15 * 60 + 30;
    public const int SchoolNightEnd = 19 * 60;
    public const int InfantDayStart = 9 * 60 + 30;
    public const int InfantDayEnd = 15 * 60;
    public const int AroundPlannedStart = 120;

    public static StartWindow For(DateOnly dateOfBirth, DateOnly date, TimeOnly plannedStart, int durationMinutes, InfantGuidance infants)
    {
        ArgumentNullException.ThrowIfNull(infants);
        var planned = plannedStart.Hour * 60 + plannedStart.Minute;
        var lastStart = 24 * 60 - durationMinutes;
        if (infants.IsInfant(dateOfBirth, date))
        {
            return Clamp(InfantDayStart, InfantDayEnd - durationMinutes, lastStart, "A baby’s or infant’s daytime, 09:30 to 15:00");
        }
        var age = AgeOn(dateOfBirth, date);
        var weekday = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        if (weekday && age is >= 5 and <= 16)
        {
            return Clamp(AfterSchool, SchoolNightEnd - durationMinutes, lastStart, "After school, from 15:30 and ending by 19:00");
        }
        return Clamp(planned - AroundPlannedStart, planned + AroundPlannedStart, lastStart, "Within two hours of the planned time");
    }

    /// <summary>A session too long for its window still starts at the window's start: it is never pushed earlier.</summary>
    private static StartWindow Clamp(int earliest, int latest, int lastStart, string why)
    {
        earliest = Math.Max(0, earliest);
        latest = Math.Min(lastStart, Math.Max(earliest, latest));
        return new StartWindow(Math.Min(earliest, latest), latest, why);
    }

    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
