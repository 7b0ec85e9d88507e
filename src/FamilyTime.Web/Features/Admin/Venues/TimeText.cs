using System.Globalization;
using System.Text.RegularExpressions;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>A time of day as people type it: "9:00", "09.30", "0930", "9am", "5:30pm", "17:30".</summary>
public static partial class TimeText
{
    // [0-9], not \d: \d also matches other scripts' digits ("٠٩:٣٠"), which int.Parse then refuses with an exception.
    [GeneratedRegex(@"^\s*([0-9]{1,2})(?:[:.]?([0-9]{2}))?\s*(am|pm)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static TimeOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups[3].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            var pm = m.Groups[3].Value.Equals("pm", StringComparison.OrdinalIgnoreCase);
            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (!m.Groups[2].Success)
        {
            return null; // "9" alone could be morning or evening: ask for 09:00 or 21:00
        }
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }
}
