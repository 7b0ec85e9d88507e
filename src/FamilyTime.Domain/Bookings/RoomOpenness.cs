using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;

namespace FamilyTime.Domain.Bookings;

/// <summary>
/// Whether a room can be used on a day, from its venue's opening hours and closures.
/// MERGER: the venues package is writing the venue's own method for this (Venue.OpenWindows or similar); when it is
/// merged, make <see cref="On"/> call it and keep only the mapping to <see cref="RoomDay"/>. Until then this reads
/// <see cref="Venue.OpeningHours"/> and <see cref="Venue.Closures"/> directly, in this one place.
/// </summary>
public static class RoomOpenness
{
    public static RoomDay On(Venue venue, Guid? roomId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(venue);
        if (!venue.IsOpen)
        {
            return new RoomDay(false, null, []);
        }
        var closure = venue.Closures.FirstOrDefault(c => c.From <= date && date <= c.Until && (c.RoomId is null || c.RoomId == roomId));
        if (closure is not null)
        {
            return new RoomDay(true, closure.Reason, []);
        }
        // A venue with no opening hours entered yet is taken as open all day, so existing venues keep working until
        // their hours are entered; once any are entered, a day with none is closed (OpeningHours' own rule).
        if (venue.OpeningHours.Count == 0)
        {
            return RoomDay.AlwaysOpen;
        }
        return new RoomDay(true, null, venue.OpeningHours.Where(h => h.Day == date.DayOfWeek && h.Opens < h.Closes)
            .OrderBy(h => h.Opens).Select(h => new TimeWindow(h.Opens, h.Closes)).ToList());
    }
}
