namespace FamilyTime.Domain.Venues;

/// <summary>
/// Days a venue, or one of its rooms, cannot be used: Christmas week, a room out of use for repairs. Inclusive dates.
/// </summary>
public sealed class VenueClosure
{
    private VenueClosure() { }

    public VenueClosure(Guid venueId, Guid? roomId, DateOnly from, DateOnly until, string reason)
    {
        Id = Guid.NewGuid();
        VenueId = venueId;
        RoomId = roomId;
        From = from;
        Until = until;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid VenueId { get; private set; }

    /// <summary>The room out of use, or null when the whole venue is closed.</summary>
    public Guid? RoomId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly Until { get; private set; }
    public string Reason { get; private set; } = "";

    public bool Covers(DateOnly date, Guid roomId) => From <= date && date <= Until && (RoomId is null || RoomId == roomId);
}
