using FamilyTime.Domain.Bookings;

namespace FamilyTime.Web.Features.Bookings;

/// <summary>A room or child already taken at the time asked: a short title saying what clashed, and the detail in plain words.</summary>
public sealed record SlotClash(string Title, string Message);

/// <summary>
/// Whether a session being added or moved (not booked through the booking page, which weighs every conflict) would
/// double-book its room or its child: another planned session in the same room, or for the same child, at an
/// overlapping time. Run inside the saving transaction, under the write lock, so that two requests at once for the
/// same room and time cannot both be saved. Only these two hard clashes are checked here: workers, hours and
/// venue needs are the booking page's to weigh when the session is booked.
/// </summary>
public sealed class SlotClashes(BookingFacts facts)
{
    public const string RoomTitle = "The room is already booked then";
    public const string ChildTitle = "The child already has family time then";

    /// <param name="sessionId">The session being added or moved (left out of the others it is checked against).</param>
    public async Task<SlotClash?> FindAsync(Guid sessionId, Guid childId, string childName, DateOnly date, TimeOnly start, int minutes,
        Guid? venueId, Guid? roomId, CancellationToken ct)
    {
        BookingPlace? place = null;
        if (venueId is { } v && await facts.VenueAsync(v, ct) is { } venue)
        {
            var room = roomId is { } r ? venue.Rooms.FirstOrDefault(x => x.Id == r) : null;
            // Always open: the venue's hours are not what this check is for (a one-off session may be arranged outside them).
            place = new BookingPlace(venue.Id, venue.Name, venue.Postcode, room?.Id, room?.Name, RoomDay.AlwaysOpen);
        }
        var candidate = new BookingCandidate(sessionId, childId, childName, [], date, start, minutes, place, []);
        var found = BookingConflicts.Find(candidate, await facts.OthersOnAsync(date, sessionId, ct))
            .Where(c => c.Kind is ConflictKind.RoomBooked or ConflictKind.ChildBusy)
            .ToList();
        if (found.Count == 0)
        {
            return null;
        }
        var roomTaken = found.Any(c => c.Kind == ConflictKind.RoomBooked);
        var detail = string.Join(". ", found.Select(c => c.Message).Distinct());
        return new SlotClash(roomTaken ? RoomTitle : ChildTitle,
            $"{detail}. {(roomTaken ? "Choose another room or time" : "Choose another time")}. Nothing was saved.");
    }
}
