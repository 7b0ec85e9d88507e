using FamilyTime.Domain.Workforce;

namespace FamilyTime.Domain.Bookings;

/// <summary>What a worker is booked as on a session; the message and the form field follow it.</summary>
public enum BookingRole
{
    Supervisor,
    SecondWorker,
    Driver,
}

/// <summary>
/// One worker chosen for the session being booked: their first name (the messages use it), their profile and leave
/// (null profile: none recorded yet), and whether they are trained for assessed family time (ApplicationUser.TrainedToAssess).
/// </summary>
public sealed record BookingWorker(string UserId, string FirstName, BookingRole Role, WorkerProfile? Profile, IReadOnlyList<WorkerLeave> Leave, bool TrainedToAssess);

/// <summary>
/// The venue and room chosen, and what the venue's hours and closures say for the day (<see cref="RoomOpenness"/>):
/// whether it takes bookings at all, why it is closed that day if it is, and the stretches it is open; and the
/// room's features (null when no room is chosen).
/// </summary>
public sealed record BookingPlace(Guid VenueId, string VenueName, string? Postcode, Guid? RoomId, string? RoomName, RoomDay Day,
    Venues.RoomFeatures? RoomFeatures = null);

/// <summary>
/// What the plan asks of the venue: step-free access, and the one venue family time must be at (with its name for
/// the message), or nothing (<see cref="None"/>).
/// </summary>
public sealed record PlanVenueNeeds(bool StepFree, Guid? FixedVenueId, string? FixedVenueName)
{
    public static PlanVenueNeeds None { get; } = new(false, null, null);
}

/// <summary>The room on one day: not taking bookings, closed (with why), or open in these windows.</summary>
public sealed record RoomDay(bool TakesBookings, string? ClosedBecause, IReadOnlyList<TimeWindow> Open)
{
    public static RoomDay AlwaysOpen { get; } = new(true, null, [new TimeWindow(TimeOnly.MinValue, TimeOnly.MaxValue)]);
}

/// <summary>A person of the arrangement, keyed so the same parent is recognised across children (their portal account, else their record).</summary>
public sealed record BookingParent(string Key, string Name);

/// <summary>The session as it would be booked: when, where, with whom, and who does it.</summary>
public sealed record BookingCandidate(
    Guid SessionId,
    Guid ChildId,
    string ChildName,
    IReadOnlyList<BookingParent> Parents,
    DateOnly Date,
    TimeOnly Start,
    int DurationMinutes,
    BookingPlace? Place,
    IReadOnlyList<BookingWorker> Workers,
    bool Assessed = false,
    PlanVenueNeeds? VenueNeeds = null)
{
    public TimeOnly End => Start.AddMinutes(DurationMinutes);
}

/// <summary>
/// Another session already planned that day, as the checks need it: who it is for, when, where, and the workers on
/// it (supervisor, second worker, driver). Built by the caller from the sessions still planned.
/// </summary>
public sealed record BookedSession(
    Guid SessionId,
    Guid ChildId,
    IReadOnlyCollection<string> ParentKeys,
    DateOnly Date,
    TimeOnly Start,
    int DurationMinutes,
    Guid? RoomId,
    string? VenueName,
    string? Postcode,
    IReadOnlyCollection<string> WorkerIds)
{
    public TimeOnly End => Start.AddMinutes(DurationMinutes);
}
