namespace FamilyTime.Domain.Sessions;

/// <summary>
/// A session's booking: the room, supervisor, second worker and driver a coordinator (or the child's social worker)
/// booked on the booking page, or the published rota gave it, checked for clashes. The session remembers that it was
/// booked and what the plan asked of it at the time, so that saving the plan again keeps the booking while the plan
/// still asks the same, and puts the session back on the plan (not booked) when the plan asks something new.
/// </summary>
public sealed partial class FamilyTimeSession
{
    /// <summary>
    /// When (UTC) the session was last booked, on the booking page or by publishing the rota; null while not yet
    /// booked (the plan's room and supervisor, copied from the arrangement, are no booking: nobody checked them for
    /// clashes). The coordinator's week lists a session with none as not yet booked.
    /// </summary>
    public DateTime? BookedAt { get; private set; }

    /// <summary>
    /// What the plan asked of the session when it was first booked: its start, venue, room and supervisor (its length
    /// is the session's own, which a booking never changes). Null while not booked. A re-plan compares what the plan
    /// asks now with these, not with the booked values, which are meant to differ.
    /// </summary>
    public TimeOnly? PlannedStart { get; private set; }
    public Guid? PlannedVenueId { get; private set; }
    public Guid? PlannedRoomId { get; private set; }
    public string? PlannedSupervisorId { get; private set; }

    public bool IsBooked => BookedAt is not null;

    /// <summary>
    /// Whether the booking stands when the plan asks <paramref name="asked"/> of this session: it is booked, still on
    /// the plan's date, and the plan asks the start, length, venue, room and supervisor it asked when it was booked.
    /// </summary>
    public bool BookingHolds(SessionSlot asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        return BookedAt is not null && asked.Date == Date && asked.StartTime == PlannedStart && asked.DurationMinutes == DurationMinutes
            && asked.VenueId == PlannedVenueId && asked.RoomId == PlannedRoomId && asked.SupervisorId == PlannedSupervisorId;
    }

    /// <summary>
    /// Books the session's day, time, room and workers (a coordinator or the child's social worker, on the booking
    /// page; the caller has checked <see cref="Bookings.BookingConflicts"/>). Answers whether it moved (another day,
    /// time or venue), so the carer and the family are told, or why it cannot be booked. A new day keeps it there when
    /// the plan is saved again, as an agreed move does; what was said about the old time no longer holds.
    /// </summary>
    public (bool Moved, string? Refusal) Book(SessionBooking booking, Moment now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(now);
        if (Status != SessionStatus.Planned || RecordedAt is not null)
        {
            return (false, "Only a planned session can be booked.");
        }
        if (Date.ToDateTime(StartTime) <= now.Local)
        {
            return (false, "This session has already started or is past, so it cannot be booked or moved.");
        }
        if (booking.Date.ToDateTime(booking.Start) <= now.Local)
        {
            return (false, "Choose a day and time still to come.");
        }
        if (booking.Start.AddMinutes(DurationMinutes) < booking.Start)
        {
            return (false, "The session must end on the day it starts: choose an earlier time.");
        }
        return (TakeBooking(booking, now.Utc), null);
    }

    /// <summary>
    /// Books the session as the published rota placed it (the rota checked the clashes and the publisher the
    /// session's version). The same booking as the booking page's, so a re-plan treats both alike. Answers whether
    /// it moved (another day, time or venue).
    /// </summary>
    public bool BookFromRota(SessionBooking booking, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (Status != SessionStatus.Planned || RecordedAt is not null)
        {
            throw new InvalidOperationException("Only a planned session never written about can be booked by the rota.");
        }
        return TakeBooking(booking, at);
    }

    /// <summary>
    /// The one way a session is booked. The first booking remembers what the plan asked (the slot the session is on
    /// until then); booking again keeps that, as the plan has not been asked anything new.
    /// </summary>
    private bool TakeBooking(SessionBooking booking, DateTime at)
    {
        if (BookedAt is null)
        {
            (PlannedStart, PlannedVenueId, PlannedRoomId, PlannedSupervisorId) = (StartTime, VenueId, RoomId, SupervisorId);
        }
        BookedAt = at;
        var moved = booking.Date != Date || booking.Start != StartTime || booking.VenueId != VenueId;
        if (booking.Date != Date || booking.Start != StartTime)
        {
            if (booking.Date != Date)
            {
                MovedFrom ??= Date;
            }
            ForgetWhatWasSaidOfTheOldTime();
        }
        Date = booking.Date;
        StartTime = booking.Start;
        VenueId = booking.VenueId;
        RoomId = booking.VenueId is null ? null : booking.RoomId;
        SupervisorId = booking.SupervisorId;
        SecondWorkerId = booking.SecondWorkerId;
        DriverId = booking.DriverId;
        return moved;
    }

    /// <summary>
    /// The plan now asks something else of a booked session: the booking no longer holds (its room, time and workers
    /// were chosen for what the plan asked before), so the second worker and driver go with it and it is shown as not
    /// yet booked, for the coordinator to book again. An unbooked session keeps what it has, as before.
    /// </summary>
    private void ClearBooking()
    {
        if (BookedAt is null)
        {
            return;
        }
        BookedAt = null;
        (PlannedStart, PlannedVenueId, PlannedRoomId, PlannedSupervisorId) = (null, null, null, null);
        SecondWorkerId = null;
        DriverId = null;
    }
}
