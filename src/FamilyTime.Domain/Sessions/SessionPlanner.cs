using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Sessions;

/// <summary>An existing session the plan keeps, moved to a new slot (another date, time, place or supervisor, or brought back).</summary>
public sealed record SessionMove(FamilyTimeSession Session, SessionSlot To);

/// <summary>
/// What regenerating an arrangement's sessions changes: existing sessions moved in place (their identity, and so
/// their calendar events, kept), sessions withdrawn because the plan no longer has them (kept, marked
/// <see cref="SessionStatus.PlanChanged"/>), and new slots beyond what existing sessions could cover.
/// <see cref="Planned"/> counts the arrangement's planned dates after the change, moved, kept or new.
/// </summary>
public sealed record SessionChanges(
    IReadOnlyList<SessionMove> Move,
    IReadOnlyList<FamilyTimeSession> Withdraw,
    IReadOnlyList<SessionSlot> Add,
    IReadOnlyList<BankHoliday> SkippedHolidays,
    int Planned,
    string WithdrawReason)
{
    /// <summary>
    /// Makes the changes on the sessions given to the planner and returns the new sessions, for the caller to store.
    /// Nothing is deleted: a calendar that had an event keeps it, moved or shown as cancelled.
    /// </summary>
    public IReadOnlyList<FamilyTimeSession> Apply(Arrangement arrangement, string socialWorkerId, string byUserId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        foreach (var move in Move)
        {
            move.Session.Reschedule(move.To);
        }
        foreach (var session in Withdraw)
        {
            session.WithdrawFromPlan(WithdrawReason, byUserId, at);
        }
        return Add.Select(slot => new FamilyTimeSession(arrangement.ChildId, arrangement.Id, slot, socialWorkerId)).ToList();
    }
}

/// <summary>
/// Turns a face-to-face arrangement into the sessions of the next 12 months. Regenerating matches the future
/// sessions still as planned to the new dates instead of replacing them, so each keeps its identity (its calendar
/// UID): a session whose date is still a date keeps it (its time, length, place or supervisor updated; a booked one
/// keeps its booking unless the plan now asks a new time, length, place or supervisor of that date); the rest
/// are moved, in date order, to the new dates left over; any still left are withdrawn ("the plan changed"), never
/// deleted; new dates beyond those become new sessions. A session the plan withdrew earlier is brought back if its
/// date comes back. Anything that happened, was cancelled by someone or was written about stays exactly as it is,
/// and no new session is planned on its date.
/// </summary>
public static class SessionPlanner
{
    public const string PlanChangedReason = "The plan changed";
    public const string EndedReason = "This family time has ended";
    public const string NotFaceToFaceReason = "The plan changed: this family time is no longer face to face";

    public static SessionChanges Plan(Arrangement arrangement, IReadOnlyCollection<FamilyTimeSession> existing, DateOnly today, BankHolidays holidays)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(existing);
        var movable = InOrder(existing.Where(s => s.IsReplaceable(today)));
        var withdrawn = InOrder(existing.Where(s => s.IsWithdrawn(today)));
        var agreedMoves = InOrder(existing.Where(s => s.IsAgreedMove(today)));
        // A session moved by agreement keeps its new day, and the day it left gets no new session in its place.
        var fixedDates = existing.Where(s => !s.IsReplaceable(today) && !s.IsWithdrawn(today)).Select(s => s.Date)
            .Concat(agreedMoves.Select(s => s.MovedFrom!.Value)).ToHashSet();
        // Ended family time keeps what happened and plans nothing more; its planned sessions are withdrawn.
        if (arrangement.IsEnded || arrangement.Schedule is not { } schedule)
        {
            return new SessionChanges([], InOrder(movable.Concat(agreedMoves)), [], [], 0, arrangement.IsEnded ? EndedReason : NotFaceToFaceReason);
        }
        var scheduled = schedule.DatesBetween(today, today.AddMonths(ContactPlan.HorizonMonths), holidays);
        var dates = scheduled.Dates.Where(d => !fixedDates.Contains(d)).Order().ToList();
        SessionSlot SlotOn(DateOnly d) => new(d, schedule.StartTime, schedule.DurationMinutes, arrangement.VenueId, arrangement.RoomId, arrangement.SupervisorId);

        var matches = new List<(FamilyTimeSession Session, DateOnly Date)>();
        var unmatchedDates = new List<DateOnly>();
        var freeMovable = movable.ToList();
        var freeWithdrawn = withdrawn.ToList();
        // 1. A date still in the plan keeps its session: one still planned first, else one withdrawn earlier.
        foreach (var date in dates)
        {
            var same = freeMovable.FirstOrDefault(s => s.Date == date) ?? freeWithdrawn.FirstOrDefault(s => s.Date == date);
            if (same is null)
            {
                unmatchedDates.Add(date);
                continue;
            }
            freeMovable.Remove(same);
            freeWithdrawn.Remove(same);
            matches.Add((same, date));
        }
        // 2. Sessions whose date went are moved, in order, to the new dates left over (a changed day, a new start).
        var paired = Math.Min(freeMovable.Count, unmatchedDates.Count);
        matches.AddRange(freeMovable.Take(paired).Zip(unmatchedDates.Take(paired)));

        // 3. Sessions still left over are withdrawn; dates still left over get new sessions.
        var move = matches
            .Select(m => new SessionMove(m.Session, SlotOn(m.Date)))
            .Where(m => m.Session.Status == SessionStatus.PlanChanged || NeedsMove(m.Session, m.To))
            .OrderBy(m => m.To.Date)
            .ToList();
        var withdraw = freeMovable.Skip(paired).ToList();
        var add = unmatchedDates.Skip(paired).Select(SlotOn).ToList();
        return new SessionChanges(move, withdraw, add, scheduled.SkippedHolidays, dates.Count, PlanChangedReason);
    }

    /// <summary>
    /// Whether the plan moves a session to the slot it asks: a booked session is judged against what the plan asked
    /// when it was booked (its booked room, time and workers differ from the plan's on purpose), so a save that asks
    /// nothing new of it keeps the booking; any other session is moved when its slot is not the one asked.
    /// </summary>
    private static bool NeedsMove(FamilyTimeSession session, SessionSlot asked) =>
        session.IsBooked ? !session.BookingHolds(asked) : SlotOf(session) != asked;

    private static SessionSlot SlotOf(FamilyTimeSession s) => new(s.Date, s.StartTime, s.DurationMinutes, s.VenueId, s.RoomId, s.SupervisorId);

    private static List<FamilyTimeSession> InOrder(IEnumerable<FamilyTimeSession> sessions) =>
        sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id).ToList();
}
