namespace FamilyTime.Domain.Bookings;

/// <summary>What kind of clash a booking has.</summary>
public enum ConflictKind
{
    RoomBooked,
    RoomClosed,
    WorkerBooked,
    WorkerOnLeave,
    WorkerNotWorking,
    WorkerNotTrained,
    WorkerCannotDrive,
    NoWorkingPattern,
    TravelTime,
    ChildBusy,
    ParentBusy,
    RoomNotStepFree,
    OtherVenue,
}

/// <summary>
/// One clash, in plain words, with the form field it belongs to. A soft one (travel time, a worker with no pattern
/// recorded yet, a room that is not what the plan asks: no step-free access, another venue than the fixed one) is a
/// warning a coordinator may knowingly accept; every other refuses the booking.
/// </summary>
public sealed record BookingConflict(ConflictKind Kind, string Field, string Message, bool Soft = false);
