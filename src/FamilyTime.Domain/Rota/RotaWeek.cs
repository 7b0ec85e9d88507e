using System.Globalization;
using FamilyTime.Domain.Weeks;

namespace FamilyTime.Domain.Rota;

/// <summary>An ISO week ("2026-W48"), as the rota page and API name weeks: Monday to Sunday (see <see cref="IsoWeek"/>).</summary>
public static class RotaWeek
{
    public static DateOnly MondayOf(DateOnly day) => IsoWeek.Containing(day).Monday;

    /// <summary>The week after the one <paramref name="today"/> is in: what a coordinator plans by default.</summary>
    public static DateOnly Next(DateOnly today) => IsoWeek.Containing(today).Next.Monday;

    public static string Name(DateOnly monday) => IsoWeek.Containing(monday).Name;

    /// <summary>Reads "2026-W48" (or a date within the week); null when it is neither, or the year is not 2000–2100.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        if (IsoWeek.TryParseName(t, out var monday))
        {
            return monday.Year is >= 2000 and <= 2100 ? monday : null;
        }
        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? MondayOf(day) : null;
    }
}
