using System.Globalization;
using FamilyTime.Domain.Common;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>A time typed as text ("10:00", "9.30"), answered with a clear message rather than a binding error.</summary>
public static class TimeText
{
    public static TimeOnly? Parse(string? text, string field, string label, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        errors.Add(field, $"{label} must be a time, like 10:00 or 14:30");
        return null;
    }

    public static string Show(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"Tuesday 17 November at 09:30", a stored UTC moment as people in England read it.</summary>
    public static string Moment(DateTime utc)
    {
        var local = Infrastructure.LondonTime.ToLondon(utc);
        return $"{local.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"))} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }
}
