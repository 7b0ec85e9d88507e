using System.Globalization;

namespace FamilyTime.Domain.Rota;

/// <summary>An ISO week ("2026-W48"), as the rota page and API name weeks: Monday to Sunday.</summary>
public static class RotaWeek
{
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The week after the one <paramref name="today"/> is in: what a coordinator plans by default.</summary>
    public static DateOnly Next(DateOnly today) => MondayOf(today).AddDays(7);

    public static string Name(DateOnly monday) =>
        $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}";

    /// <summary>Reads "2026-W48" (or a date within the week); null when it is neither.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().ToUpperInvariant();
        var w = t.IndexOf("-W", StringComparison.Ordinal);
        if (w > 0 && int.TryParse(t[..w], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(t[(w + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && year is >= 2000 and <= 2100 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        }
        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? MondayOf(day) : null;
    }
}
