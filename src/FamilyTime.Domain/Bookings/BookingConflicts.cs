using System.Globalization;

namespace FamilyTime.Domain.Bookings;

/// <summary>
/// Everything that stops a session being booked as proposed, found from plain data (no database): the room is taken
/// or closed, a worker is booked elsewhere, away, not working then, not trained or not insured to drive, a worker
/// cannot get there from their previous session in time, or the child or a parent already has family time then.
/// The booking page refuses a booking with any hard conflict, and re-runs this inside the saving transaction.
/// </summary>
public static class BookingConflicts
{
    public static IReadOnlyList<BookingConflict> Find(BookingCandidate candidate, IEnumerable<BookedSession> otherSessionsThatDay) =>
        Find(candidate, otherSessionsThatDay, Workforce.TravelEstimate.Minutes);

    /// <param name="candidate">The session as it would be booked.</param>
    /// <param name="otherSessionsThatDay">Other sessions still planned that day (the candidate itself is ignored if given).</param>
    /// <param name="travelMinutes">Minutes from one postcode to another (<see cref="Workforce.TravelEstimate.Minutes"/>).</param>
    public static IReadOnlyList<BookingConflict> Find(BookingCandidate candidate, IEnumerable<BookedSession> otherSessionsThatDay, Func<string?, string?, int> travelMinutes)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(otherSessionsThatDay);
        ArgumentNullException.ThrowIfNull(travelMinutes);
        // The day either side too: a session that runs past midnight (a one-off 23:00–01:00) overlaps the next day's
        // early hours, and is compared by when it really starts and ends, not by clock times that wrap at midnight.
        var others = otherSessionsThatDay.Where(o => o.SessionId != candidate.SessionId && Math.Abs(o.Date.DayNumber - candidate.Date.DayNumber) <= 1)
            .OrderBy(o => o.Date).ThenBy(o => o.Start).ToList();
        var found = new List<BookingConflict>();
        RoomClashes(candidate, others, found);
        VenueNeedClashes(candidate, found);
        foreach (var worker in candidate.Workers.DistinctBy(w => w.UserId))
        {
            WorkerClashes(candidate, worker, others, travelMinutes, found);
        }
        PeopleClashes(candidate, others, found);
        return found;
    }

    /// <summary>True when nothing but soft warnings stands in the way, and the soft ones (if any) were accepted.</summary>
    public static bool AllowsBooking(IReadOnlyList<BookingConflict> conflicts, bool softAccepted) =>
        conflicts.All(c => c.Soft) && (softAccepted || conflicts.Count == 0);

    private static void RoomClashes(BookingCandidate c, List<BookedSession> others, List<BookingConflict> found)
    {
        if (c.Place is not { } place)
        {
            return;
        }
        var room = place.RoomName is { } r ? $"The {Strip(r)}" : place.VenueName;
        if (!place.Day.TakesBookings)
        {
            found.Add(new(ConflictKind.RoomClosed, "RoomId", $"{place.VenueName} is not taking bookings"));
        }
        else if (place.Day.ClosedBecause is { } why)
        {
            found.Add(new(ConflictKind.RoomClosed, "RoomId", $"{room} is closed on {Day(c.Date)} ({why})"));
        }
        else if (!place.Day.Open.Any(w => w.Holds(c.Start, c.End)))
        {
            found.Add(new(ConflictKind.RoomClosed, "RoomId", place.Day.Open.Count == 0
                ? $"{place.VenueName} is closed on {Plural(c.Date.DayOfWeek)}"
                : $"{place.VenueName} is open {Windows(place.Day.Open)} on {Plural(c.Date.DayOfWeek)}, so {Span(c.Start, c.End)} is outside its hours"));
        }
        if (place.RoomId is not { } roomId)
        {
            return;
        }
        foreach (var o in others.Where(o => o.RoomId == roomId && Overlaps(c, o)))
        {
            var whose = o.ChildId == c.ChildId ? $"for other family time with {c.ChildName}" : "for another family";
            found.Add(new(ConflictKind.RoomBooked, "RoomId", $"{room} is booked {When(o, c.Date)} {whose}"));
        }
    }

    /// <summary>
    /// A room the plan does not ask for: without step-free access when the plan needs it, or at another venue when the
    /// plan fixes one. Soft, like travel time: the coordinator may know better (the fixed venue is shut that week and
    /// the social worker agreed, the "step" is a ramp the record does not show), so ticking "Book despite the warnings"
    /// lets it through, and the accepted warning is kept in the audit log.
    /// </summary>
    private static void VenueNeedClashes(BookingCandidate c, List<BookingConflict> found)
    {
        if (c.Place is not { } place || c.VenueNeeds is not { } needs)
        {
            return;
        }
        if (needs.FixedVenueId is { } fixedVenue && place.VenueId != fixedVenue)
        {
            found.Add(new(ConflictKind.OtherVenue, "RoomId",
                $"The plan says family time must be at {needs.FixedVenueName ?? "the venue it names"}, and {place.VenueName} is another venue", Soft: true));
        }
        if (needs.StepFree && place.RoomId is not null && place.RoomFeatures is { } features && !features.HasFlag(Venues.RoomFeatures.StepFree))
        {
            var room = place.RoomName is { } r ? $"The {Strip(r)}" : "The room";
            found.Add(new(ConflictKind.RoomNotStepFree, "RoomId",
                $"{room} at {place.VenueName} has no step-free access, and the plan says the venue must have it", Soft: true));
        }
    }

    private static void WorkerClashes(BookingCandidate c, BookingWorker w, List<BookedSession> others, Func<string?, string?, int> travel, List<BookingConflict> found)
    {
        var field = w.Role.ToString() + "Id";
        if (c.Assessed && w.Role != BookingRole.Driver && !w.TrainedToAssess)
        {
            found.Add(new(ConflictKind.WorkerNotTrained, field, $"{w.FirstName} is not trained for assessed family time"));
        }
        if (w.Role == BookingRole.Driver && w.Profile is { IsDriver: false })
        {
            found.Add(new(ConflictKind.WorkerCannotDrive, field, $"{w.FirstName} is not recorded as having a car and insurance to drive for work"));
        }
        if (w.Leave.FirstOrDefault(l => l.Covers(c.Date)) is { } leave)
        {
            found.Add(new(ConflictKind.WorkerOnLeave, field, $"{w.FirstName} is away on {Day(c.Date)} ({leave.Reason.ToLowerInvariant()})"));
        }
        else if (w.Profile is null)
        {
            found.Add(new(ConflictKind.NoWorkingPattern, field, $"{w.FirstName} has no working pattern recorded, so it is not known if they work then", Soft: true));
        }
        else if (!w.Profile.IsAvailable(c.Date, c.Start, c.End, w.Leave))
        {
            var windows = w.Profile.AvailableWindows(c.Date, w.Leave);
            found.Add(new(ConflictKind.WorkerNotWorking, field, windows.Count == 0
                ? $"{w.FirstName} does not work on {Plural(c.Date.DayOfWeek)}"
                : $"{w.FirstName} works {Windows(windows)} on {Plural(c.Date.DayOfWeek)}, so cannot be booked {Span(c.Start, c.End)}"));
        }

        var theirs = others.Where(o => o.WorkerIds.Contains(w.UserId)).ToList();
        foreach (var o in theirs.Where(o => Overlaps(c, o)))
        {
            found.Add(new(ConflictKind.WorkerBooked, field, $"{w.FirstName} is already booked {When(o, c.Date)} for other family time"));
        }
        // Travel is judged between sessions of the same day (clock times compare only within one day).
        theirs = theirs.Where(o => o.Date == c.Date).ToList();
        if (c.Place is not { } place)
        {
            return;
        }
        // Only the sessions either side matter: the last one ending before this starts, the first starting after it ends.
        var before = theirs.Where(o => o.End <= c.Start).MaxBy(o => o.End);
        var after = theirs.Where(o => o.Start >= c.End).MinBy(o => o.Start);
        if (before is not null && Journey(before.Postcode, place.Postcode, travel) is { } there && Gap(before.End, c.Start) < there)
        {
            found.Add(new(ConflictKind.TravelTime, field,
                $"{w.FirstName} needs about {there} minutes to get from {before.VenueName} to {place.VenueName}, and has {Gap(before.End, c.Start)}", Soft: true));
        }
        if (after is not null && Journey(place.Postcode, after.Postcode, travel) is { } onward && Gap(c.End, after.Start) < onward)
        {
            found.Add(new(ConflictKind.TravelTime, field,
                $"{w.FirstName} needs about {onward} minutes to get from {place.VenueName} to {after.VenueName}, and has {Gap(c.End, after.Start)}", Soft: true));
        }
    }

    private static void PeopleClashes(BookingCandidate c, List<BookedSession> others, List<BookingConflict> found)
    {
        foreach (var o in others.Where(o => Overlaps(c, o)))
        {
            if (o.ChildId == c.ChildId)
            {
                found.Add(new(ConflictKind.ChildBusy, "Start", $"{c.ChildName} already has family time {When(o, c.Date)}"));
                continue;
            }
            foreach (var parent in c.Parents.Where(p => o.ParentKeys.Contains(p.Key)))
            {
                found.Add(new(ConflictKind.ParentBusy, "Start", $"{parent.Name} already has family time {When(o, c.Date)}"));
            }
        }
    }

    /// <summary>Minutes to travel, or null when one end is not a venue with a postcode (nothing to judge).</summary>
    private static int? Journey(string? from, string? to, Func<string?, string?, int> travel) =>
        string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) ? null : travel(from, to);

    private static int Gap(TimeOnly from, TimeOnly to) => (int)(to - from).TotalMinutes;

    private static bool Overlaps(BookingCandidate c, BookedSession o) => Overlap(c.Date, c.Start, c.DurationMinutes, o.Date, o.Start, o.DurationMinutes);

    /// <summary>
    /// Whether two sessions share any minute, by when they really start and end: a session that runs past midnight
    /// goes on into the next day (its clock end, 01:00, is not before its start). Back to back is no overlap.
    /// </summary>
    public static bool Overlap(DateOnly aDate, TimeOnly aStart, int aMinutes, DateOnly bDate, TimeOnly bStart, int bMinutes)
    {
        var a = MinuteOf(aDate, aStart);
        var b = MinuteOf(bDate, bStart);
        return a < b + bMinutes && b < a + aMinutes;
    }

    private static long MinuteOf(DateOnly date, TimeOnly time) => date.DayNumber * 1440L + time.Hour * 60 + time.Minute;

    /// <summary>"23:00–01:00", with the day when the other session starts on another day than the one being booked.</summary>
    private static string When(BookedSession o, DateOnly day) => o.Date == day ? Span(o.Start, o.End) : $"{Span(o.Start, o.End)} on {Day(o.Date)}";

    /// <summary>"Oak Room" and "The Oak Room" read the same after "The".</summary>
    private static string Strip(string room) => room.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? room[4..] : room;

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal static string Span(TimeOnly from, TimeOnly until) => $"{Clock(from)}–{Clock(until)}";

    private static string Windows(IEnumerable<Workforce.TimeWindow> windows) => string.Join(" and ", windows.Select(w => Span(w.From, w.Until)));

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"));

    private static string Plural(DayOfWeek day) => day + "s";
}
