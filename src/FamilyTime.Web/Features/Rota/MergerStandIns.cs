using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// Two small stand-ins for methods other packages of issue 12 write. MERGER: replace each body with the call named
/// in its comment (and delete this file when both are switched).
/// </summary>
public static class MergerStandIns
{
    /// <summary>
    /// MERGER: switch to the venues package's domain method for a room's open windows on a day (opening hours less
    /// closures of the venue or the room). Until then: the venue's hours for that weekday, none when a closure covers
    /// the day.
    /// </summary>
    public static IReadOnlyList<(int From, int Until)> OpenWindows(IReadOnlyList<OpeningHours> hours, IEnumerable<VenueClosure> closures, Guid roomId, DateOnly date)
    {
        if (closures.Any(c => c.Covers(date, roomId)))
        {
            return [];
        }
        return hours.Where(h => h.Day == date.DayOfWeek && h.Closes > h.Opens)
            .Select(h => (h.Opens.Hour * 60 + h.Opens.Minute, h.Closes.Hour * 60 + h.Closes.Minute)).ToList();
    }

    /// <summary>
    /// MERGER: switch to <c>Domain/Workforce/TravelEstimate.Minutes(fromPostcode, toPostcode)</c> from the workers
    /// package. Until then a rough guess by district: 10 minutes within one, 20 within a postcode area ("NE4" to
    /// "NE6"), 40 between areas, 30 when either is unknown.
    /// </summary>
    public static int TravelMinutes(string? fromDistrict, string? toDistrict)
    {
        if (fromDistrict is null || toDistrict is null)
        {
            return 30;
        }
        if (string.Equals(fromDistrict, toDistrict, StringComparison.OrdinalIgnoreCase))
        {
            return 10;
        }
        static string AreaOf(string d) => new(d.TakeWhile(char.IsLetter).ToArray());
        return string.Equals(AreaOf(fromDistrict), AreaOf(toDistrict), StringComparison.OrdinalIgnoreCase) ? 20 : 40;
    }
}
