using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Venues;

/// <summary>
/// Days a venue, or one of its rooms, cannot be used: Christmas week, a room out of use for repairs. Inclusive dates.
/// </summary>
public sealed class VenueClosure
{
    public const int ReasonMaxLength = 200;

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

    /// <summary>Still to come or under way on <paramref name="today"/>: the ones worth listing.</summary>
    public bool IsCurrentOrUpcoming(DateOnly today) => Until >= today;
}

/// <summary>Input describing a closure: the whole venue (no room) or one room, from and until (inclusive), and why.</summary>
public sealed record ClosureDetails(Guid? RoomId, DateOnly? From, DateOnly? Until, string? Reason)
{
    /// <summary>The rules that need no venue: both dates, in order, not already over, and a reason.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        if (From is null)
        {
            errors.Add(nameof(From), "Enter the first day of the closure");
        }
        if (Until is null)
        {
            errors.Add(nameof(Until), "Enter the last day of the closure");
        }
        if (From is { } from && Until is { } until)
        {
            if (until < from)
            {
                errors.Add(nameof(Until), "The last day of the closure must be the same as or after the first day");
            }
            else if (until < today)
            {
                errors.Add(nameof(Until), "The closure has already ended: enter dates from today onwards");
            }
        }
        errors.Required(nameof(Reason), Reason, "Enter the reason for the closure, for example Christmas week");
        errors.MaxLength(nameof(Reason), Reason, VenueClosure.ReasonMaxLength, "The reason");
        return errors;
    }
}
