using System.Globalization;

namespace FamilyTime.Domain.Plans;

/// <summary>
/// When face-to-face family time happens: the pattern, its first date, the start time and how long it lasts.
/// </summary>
public sealed record Schedule(
    FrequencyKind Kind,
    IReadOnlySet<DayOfWeek> Days,
    DateOnly FirstDate,
    IReadOnlyList<DateOnly> CustomDates,
    TimeOnly StartTime,
    int DurationMinutes)
{
    /// <summary>
    /// Every date of the pattern from <paramref name="from"/> up to but not including <paramref name="until"/>,
    /// never before the first date and never on a bank holiday.
    /// </summary>
    public ScheduledDates DatesBetween(DateOnly from, DateOnly until, BankHolidays holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var start = from > FirstDate ? from : FirstDate;
        var dates = new List<DateOnly>();
        var skipped = new List<BankHoliday>();
        foreach (var day in Pattern(start, until))
        {
            if (holidays.On(day) is { } holiday)
            {
                skipped.Add(holiday);
            }
            else
            {
                dates.Add(day);
            }
        }
        return new ScheduledDates(dates, skipped);
    }

    /// <summary>Plain words: "Every week on Tuesday and Saturday, 10:00 to 11:30".</summary>
    public string Describe()
    {
        var time = $"{StartTime:HH\\:mm} to {StartTime.AddMinutes(DurationMinutes):HH\\:mm}";
        return Kind switch
        {
            FrequencyKind.Weekly => $"Every week on {DayList()}, {time}",
            FrequencyKind.Fortnightly => $"Every other week on {DayList()}, {time}",
            FrequencyKind.Monthly => $"Once a month, on the {Ordinal(FirstDate)} {FirstDate.DayOfWeek} of the month, {time}",
            FrequencyKind.CustomDates => $"On {CustomDates.Count} set date{(CustomDates.Count == 1 ? "" : "s")}, {time}",
            _ => throw new InvalidOperationException(Kind.ToString()),
        };
    }

    private IEnumerable<DateOnly> Pattern(DateOnly start, DateOnly until) => Kind switch
    {
        FrequencyKind.Weekly => EveryNthWeek(start, until, 1),
        FrequencyKind.Fortnightly => EveryNthWeek(start, until, 2),
        FrequencyKind.Monthly => Monthly(start, until),
        FrequencyKind.CustomDates => CustomDates.Where(d => d >= start && d < until).Distinct().Order(),
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    private IEnumerable<DateOnly> EveryNthWeek(DateOnly start, DateOnly until, int n)
    {
        // Weeks run Monday to Sunday and are counted from the week of the first date, so a fortnight stays in step.
        var firstMonday = MondayOf(FirstDate);
        for (var day = start; day < until; day = day.AddDays(1))
        {
            var week = (MondayOf(day).DayNumber - firstMonday.DayNumber) / 7;
            if (week % n == 0 && Days.Contains(day.DayOfWeek))
            {
                yield return day;
            }
        }
    }

    private IEnumerable<DateOnly> Monthly(DateOnly start, DateOnly until)
    {
        // "The second Saturday": the nth weekday of the first date; a fifth becomes the month's last, so no month is missed.
        var nth = (FirstDate.Day - 1) / 7 + 1;
        var month = new DateOnly(start.Year, start.Month, 1);
        while (month < until)
        {
            var day = NthWeekday(month, FirstDate.DayOfWeek, nth);
            if (day >= start && day < until)
            {
                yield return day;
            }
            month = month.AddMonths(1);
        }
    }

    private static DateOnly NthWeekday(DateOnly monthStart, DayOfWeek weekday, int nth)
    {
        var first = monthStart.AddDays(((int)weekday - (int)monthStart.DayOfWeek + 7) % 7);
        var day = first.AddDays(7 * (Math.Min(nth, 5) - 1));
        return day.Month == monthStart.Month ? day : day.AddDays(-7);
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private string DayList()
    {
        var names = Days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    private static string Ordinal(DateOnly d) => ((d.Day - 1) / 7 + 1) switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => "last",
    };

    public static string FormatDate(DateOnly d) => d.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>The dates a schedule gives, and the bank holidays it stepped over (so the page can say so).</summary>
public sealed record ScheduledDates(IReadOnlyList<DateOnly> Dates, IReadOnlyList<BankHoliday> SkippedHolidays);
