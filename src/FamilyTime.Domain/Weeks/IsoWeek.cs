using System.Globalization;

namespace FamilyTime.Domain.Weeks;

/// <summary>
/// One week, Monday to Sunday (the ISO week the service plans in), named in addresses by its Monday
/// ("?week=2026-11-23"). Plain data: the pages and the API read the week asked for through <see cref="Parse"/>.
/// </summary>
public readonly record struct IsoWeek
{
    /// <summary>How far from today a week may be asked for: further is a mistyped year, not a plan.</summary>
    public const int MostYearsAway = 5;

    private IsoWeek(DateOnly monday) => Monday = monday;

    public DateOnly Monday { get; }

    public DateOnly Sunday => Monday.AddDays(6);

    public IsoWeek Next => new(Monday.AddDays(7));

    public IsoWeek Previous => new(Monday.AddDays(-7));

    /// <summary>The seven days, Monday first.</summary>
    public IReadOnlyList<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();

    /// <summary>The week number of the ISO calendar (1 to 53), and the ISO year it belongs to.</summary>
    public int Number => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public int Year => ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue));

    /// <summary>The ISO name of the week, as the rota names weeks: "2026-W48".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Number:00}");

    /// <summary>How an address names the week: its Monday, yyyy-MM-dd.</summary>
    public string Param => Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool Contains(DateOnly day) => day >= Monday && day <= Sunday;

    /// <summary>The week a day falls in.</summary>
    public static IsoWeek Containing(DateOnly day) => new(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));

    /// <summary>
    /// The week an address asks for: nothing means this week; a date (any day of it, yyyy-MM-dd) or an ISO week
    /// (2026-W48). Anything else, or a week more than <see cref="MostYearsAway"/> years from today, is not an error
    /// page: the answer is this week, with the problem to show.
    /// </summary>
    public static WeekChoice Parse(string? text, DateOnly today)
    {
        var thisWeek = Containing(today);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new WeekChoice(thisWeek, null);
        }
        var trimmed = text.Trim();
        DateOnly? day = null;
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            day = date;
        }
        else if (TryParseName(trimmed, out var monday))
        {
            day = monday;
        }
        if (day is not { } d)
        {
            return new WeekChoice(thisWeek, $"“{Shorten(trimmed)}” is not a week we recognise: give its Monday’s date, for example {thisWeek.Param}. Showing this week instead.");
        }
        if (Math.Abs(d.DayNumber - today.DayNumber) > MostYearsAway * 366)
        {
            return new WeekChoice(thisWeek, $"Choose a week within {MostYearsAway} years of today. Showing this week instead.");
        }
        return new WeekChoice(Containing(d), null);
    }

    /// <summary>Reads an ISO week's name ("2026-W48", any case) into its Monday; false when it is not one.</summary>
    public static bool TryParseName(string text, out DateOnly monday)
    {
        ArgumentNullException.ThrowIfNull(text);
        monday = default;
        // 2026-W48: four digits of year, a W, one or two digits of week.
        var parts = text.ToUpperInvariant().Split("-W");
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    // A pasted paragraph is not repeated back in full.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>The week to show, and why it is not the one asked for (null when it is).</summary>
public sealed record WeekChoice(IsoWeek Week, string? Problem);
