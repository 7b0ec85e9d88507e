using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>
/// What the venue list and the API are asked for: words in the name, address or postcode; an area; a room with
/// every one of some features; open on a weekday; a room for a baby. Applied to the venues in memory: there are
/// dozens, not thousands, and opening hours are a JSON column neither engine can search the same way.
/// </summary>
public sealed record VenueFilter(string? Search, Guid? AreaId, RoomFeatures Features, DayOfWeek? OpenOn, bool SuitsBaby)
{
    public static readonly VenueFilter None = new(null, null, RoomFeatures.None, null, false);

    public bool IsEmpty => Domain.Common.Text.Clean(Search) is null && AreaId is null && Features == RoomFeatures.None && OpenOn is null && !SuitsBaby;

    public bool Matches(VenueView venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        if (Domain.Common.Text.Clean(Search) is { } words && !words.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => Mentions(venue, w)))
        {
            return false;
        }
        if (AreaId is { } area && venue.AreaId != area)
        {
            return false;
        }
        if (OpenOn is { } day && venue.HoursOn(day) is null)
        {
            return false;
        }
        // One room must have every feature asked for, and suit a baby when that is asked: a booking is of one room.
        if ((Features != RoomFeatures.None || SuitsBaby)
            && !venue.Rooms.Any(r => (r.Features & Features) == Features && (!SuitsBaby || r.SuitsBabies)))
        {
            return false;
        }
        return true;
    }

    /// <summary>Postcodes match with or without their space ("NB14QT" finds "NB1 4QT").</summary>
    private static bool Mentions(VenueView v, string word) =>
        v.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
        || v.Address.Contains(word, StringComparison.OrdinalIgnoreCase)
        || v.Postcode.Replace(" ", "", StringComparison.Ordinal).Contains(word.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
