using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;

namespace FamilyTime.Domain.Bookings;

/// <summary>
/// Whether a room can be used on a day, as the booking page and its conflicts need it: the venue's own answer
/// (<see cref="Venue.OpenWindows(Guid, DateOnly)"/>: its hours that weekday less closures) with the closure's reason
/// kept for the message. One rule with the rota: a day with no opening hours entered is closed.
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
        var open = roomId is { } room
            ? venue.OpenWindows(room, date).Select(w => new TimeWindow(w.From, w.Until))
            : venue.HoursOn(date.DayOfWeek) is { } hours ? [new TimeWindow(hours.Opens, hours.Closes)] : [];
        return new RoomDay(true, null, open.ToList());
    }
}
