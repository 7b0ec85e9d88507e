using FamilyTime.Domain.Common;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// A date typed into the GOV.UK date input's three boxes. Kept as text so "31" "02" "2020" or "abc" can be
/// answered with a clear message instead of a binding error.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or null; adds "must be a real date" under <paramref name="field"/> when the boxes do not make one.</summary>
    public DateOnly? ToDate(string field, string label, ValidationErrors errors)
    {
        if (IsEmpty)
        {
            return null;
        }
        if (int.TryParse(Day, out var d) && int.TryParse(Month, out var m) && int.TryParse(Year, out var y)
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }
        errors.Add(field, $"{label} must be a real date, like 27 3 2021");
        return null;
    }
}
