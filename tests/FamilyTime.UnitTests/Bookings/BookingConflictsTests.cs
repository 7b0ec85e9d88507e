using FamilyTime.Domain.Bookings;
using FamilyTime.Domain.Workforce;

namespace FamilyTime.UnitTests.Bookings;

/// <summary>Every kind of booking conflict, each with the words the coordinator reads.</summary>
public class BookingConflictsTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid OtherChild = Guid.NewGuid();
    private static readonly Guid Oak = Guid.NewGuid();
    private static readonly Guid Hillside = Guid.NewGuid();
    private static readonly Guid Riverside = Guid.NewGuid();

    private static WorkerProfile Profile(string id, bool driver = true) =>
        WorkerProfile.Create(id, new WorkerProfileDetails(Guid.NewGuid(),
            [new(DayOfWeek.Monday, new(9, 0), new(17, 0)), new(DayOfWeek.Tuesday, new(9, 0), new(17, 0))], null, driver, 37, "LS6 1AA")).Profile!;

    private static BookingWorker Sam(IReadOnlyList<WorkerLeave>? leave = null, BookingRole role = BookingRole.Supervisor, bool trained = true, WorkerProfile? profile = null, bool noProfile = false) =>
        new("sam", "Sam", role, noProfile ? null : profile ?? Profile("sam"), leave ?? [], trained);

    private static BookingPlace Place(RoomDay? day = null, string postcode = "LS6 2AB", Guid? room = null, string venue = "Hillside Family Centre") =>
        new(Hillside, venue, postcode, room ?? Oak, "Oak Room", day ?? new RoomDay(true, null, [new TimeWindow(new(9, 0), new(18, 0))]));

    private static BookingCandidate Candidate(TimeOnly? start = null, BookingPlace? place = null, IReadOnlyList<BookingWorker>? workers = null, bool assessed = false) =>
        new(Guid.NewGuid(), Child, "Ava", [new BookingParent("mum-account", "Kelly")], Tuesday, start ?? new TimeOnly(15, 30), 90,
            place ?? Place(), workers ?? [Sam()], assessed);

    private static BookedSession Other(TimeOnly start, int minutes = 90, Guid? room = null, string[]? workers = null, Guid? child = null, string[]? parents = null,
        string venue = "Riverside Children's Centre", string postcode = "LS6 2AB") =>
        new(Guid.NewGuid(), child ?? OtherChild, parents ?? [], Tuesday, start, minutes, room, venue, postcode, workers ?? []);

    private static BookingConflict Single(IReadOnlyList<BookingConflict> found, ConflictKind kind) => Assert.Single(found, c => c.Kind == kind);

    [Fact]
    public void Nothing_in_the_way_finds_nothing() =>
        Assert.Empty(BookingConflicts.Find(Candidate(), [Other(new(10, 0), room: Oak, workers: ["sam"])]));

    [Fact]
    public void A_room_already_booked_then_for_another_family_is_a_conflict()
    {
        var c = Single(BookingConflicts.Find(Candidate(), [Other(new(15, 0), room: Oak)]), ConflictKind.RoomBooked);
        Assert.Equal("The Oak Room is booked 15:00–16:30 for another family", c.Message);
        Assert.Equal(("RoomId", false), (c.Field, c.Soft));
    }

    [Fact]
    public void Back_to_back_sessions_in_one_room_do_not_clash() =>
        Assert.DoesNotContain(BookingConflicts.Find(Candidate(), [Other(new(14, 0), room: Oak)]), c => c.Kind == ConflictKind.RoomBooked);

    [Fact]
    public void A_room_closed_that_day_is_a_conflict_with_why() =>
        Assert.Equal("The Oak Room is closed on Tuesday 24 November (Christmas closure)",
            Single(BookingConflicts.Find(Candidate(place: Place(new RoomDay(true, "Christmas closure", []))), []), ConflictKind.RoomClosed).Message);

    [Fact]
    public void A_session_outside_the_venues_opening_hours_is_a_conflict() =>
        Assert.Equal("Hillside Family Centre is open 09:00–16:00 on Tuesdays, so 15:30–17:00 is outside its hours",
            Single(BookingConflicts.Find(Candidate(place: Place(new RoomDay(true, null, [new TimeWindow(new(9, 0), new(16, 0))]))), []), ConflictKind.RoomClosed).Message);

    [Fact]
    public void A_venue_not_taking_bookings_is_a_conflict() =>
        Assert.Equal("Hillside Family Centre is not taking bookings",
            Single(BookingConflicts.Find(Candidate(place: Place(new RoomDay(false, null, []))), []), ConflictKind.RoomClosed).Message);

    [Fact]
    public void A_worker_already_booked_then_is_a_conflict()
    {
        var c = Single(BookingConflicts.Find(Candidate(), [Other(new(16, 0), workers: ["sam"])]), ConflictKind.WorkerBooked);
        Assert.Equal(("Sam is already booked 16:00–17:30 for other family time", "SupervisorId"), (c.Message, c.Field));
    }

    [Fact]
    public void A_worker_on_leave_that_day_is_a_conflict() =>
        Assert.Equal("Sam is away on Tuesday 24 November (annual leave)",
            Single(BookingConflicts.Find(Candidate(workers: [Sam([new WorkerLeave("sam", Tuesday, Tuesday.AddDays(3), "Annual leave")])]), []), ConflictKind.WorkerOnLeave).Message);

    [Fact]
    public void A_worker_not_working_then_is_a_conflict()
    {
        Assert.Equal("Sam works 09:00–17:00 on Tuesdays, so cannot be booked 16:30–18:00",
            Single(BookingConflicts.Find(Candidate(start: new(16, 30)), []), ConflictKind.WorkerNotWorking).Message);
        var wednesday = Candidate() with { Date = Tuesday.AddDays(1) };
        Assert.Equal("Sam does not work on Wednesdays", Single(BookingConflicts.Find(wednesday, []), ConflictKind.WorkerNotWorking).Message);
    }

    [Fact]
    public void A_worker_with_no_pattern_recorded_is_a_soft_warning()
    {
        var c = Single(BookingConflicts.Find(Candidate(workers: [Sam(noProfile: true)]), []), ConflictKind.NoWorkingPattern);
        Assert.True(c.Soft);
    }

    [Fact]
    public void Assessed_family_time_needs_a_worker_trained_to_assess() =>
        Assert.Equal("Sam is not trained for assessed family time",
            Single(BookingConflicts.Find(Candidate(workers: [Sam(trained: false)], assessed: true), []), ConflictKind.WorkerNotTrained).Message);

    [Fact]
    public void A_driver_must_have_a_car_and_insurance()
    {
        var c = Single(BookingConflicts.Find(Candidate(workers: [Sam(role: BookingRole.Driver, profile: Profile("sam", driver: false))]), []), ConflictKind.WorkerCannotDrive);
        Assert.Equal("DriverId", c.Field);
    }

    [Fact]
    public void Too_little_time_to_travel_between_venues_is_a_soft_warning_either_side()
    {
        // Before: a session in another postcode area ends at 15:00; 45 minutes are needed, 30 are there.
        var before = BookingConflicts.Find(Candidate(), [Other(new(13, 30), workers: ["sam"], postcode: "BD1 1AA")]);
        var c = Single(before, ConflictKind.TravelTime);
        Assert.Equal("Sam needs about 45 minutes to get from Riverside Children's Centre to Hillside Family Centre, and has 30", c.Message);
        Assert.True(c.Soft);
        // After: the next starts at 17:10 in the same area (25 minutes), 10 are there.
        var after = BookingConflicts.Find(Candidate(), [Other(new(17, 10), workers: ["sam"], postcode: "LS11 5DJ")]);
        Assert.Equal("Sam needs about 25 minutes to get from Hillside Family Centre to Riverside Children's Centre, and has 10",
            Single(after, ConflictKind.TravelTime).Message);
        // Enough time: nothing.
        Assert.Empty(BookingConflicts.Find(Candidate(), [Other(new(13, 30), workers: ["sam"], postcode: "LS6 4QT", minutes: 60)]));
    }

    [Fact]
    public void The_travel_estimate_can_be_given_by_the_caller() =>
        Assert.Contains("about 50 minutes", Single(BookingConflicts.Find(Candidate(), [Other(new(13, 30), workers: ["sam"])], (_, _) => 50), ConflictKind.TravelTime).Message,
            StringComparison.Ordinal);

    [Fact]
    public void The_child_already_having_family_time_then_is_a_conflict() =>
        Assert.Equal("Ava already has family time 16:00–17:00",
            Single(BookingConflicts.Find(Candidate(workers: []), [Other(new(16, 0), 60, child: Child)]), ConflictKind.ChildBusy).Message);

    [Fact]
    public void A_parent_already_having_family_time_then_with_another_child_is_a_conflict() =>
        Assert.Equal("Kelly already has family time 15:00–16:00",
            Single(BookingConflicts.Find(Candidate(workers: []), [Other(new(15, 0), 60, parents: ["mum-account"])]), ConflictKind.ParentBusy).Message);

    [Fact]
    public void Soft_warnings_allow_the_booking_only_when_accepted_and_hard_conflicts_never()
    {
        BookingConflict soft = new(ConflictKind.TravelTime, "SupervisorId", "travel", Soft: true);
        BookingConflict hard = new(ConflictKind.RoomBooked, "RoomId", "room");
        Assert.True(BookingConflicts.AllowsBooking([], softAccepted: false));
        Assert.False(BookingConflicts.AllowsBooking([soft], softAccepted: false));
        Assert.True(BookingConflicts.AllowsBooking([soft], softAccepted: true));
        Assert.False(BookingConflicts.AllowsBooking([soft, hard], softAccepted: true));
    }

    [Fact]
    public void The_session_itself_and_other_days_are_ignored()
    {
        var candidate = Candidate();
        var itself = Other(new(15, 30), room: Oak, workers: ["sam"], child: Child) with { SessionId = candidate.SessionId };
        var tomorrow = Other(new(15, 30), room: Oak, workers: ["sam"]) with { Date = Tuesday.AddDays(1) };
        Assert.Empty(BookingConflicts.Find(candidate, [itself, tomorrow]));
    }

    // A one-off session may run past midnight (23:00–01:00): it is compared by when it really starts and ends, on
    // its own day and into the next, not by clock times that wrap round at midnight.

    private static BookingCandidate LateCandidate(DateOnly day, TimeOnly start, int minutes) =>
        Candidate(start, Place(RoomDay.AlwaysOpen)) with { Date = day, DurationMinutes = minutes, Workers = [] };

    [Fact]
    public void A_session_running_past_midnight_clashes_with_one_in_the_same_room_early_the_next_day()
    {
        var lateTuesday = Other(new(23, 0), 120, room: Oak);
        var c = Single(BookingConflicts.Find(LateCandidate(Tuesday.AddDays(1), new(0, 30), 60), [lateTuesday]), ConflictKind.RoomBooked);
        Assert.Equal("The Oak Room is booked 23:00–01:00 on Tuesday 24 November for another family", c.Message);
    }

    [Fact]
    public void A_session_running_past_midnight_clashes_with_a_later_one_the_same_evening_and_with_the_next_days_early_one()
    {
        var candidate = LateCandidate(Tuesday, new(23, 0), 120);
        Assert.Single(BookingConflicts.Find(candidate, [Other(new(23, 30), 30, room: Oak)]), c => c.Kind == ConflictKind.RoomBooked);
        var earlyWednesday = Other(new(0, 30), 60, child: Child) with { Date = Tuesday.AddDays(1) };
        Assert.Equal("Ava already has family time 00:30–01:30 on Wednesday 25 November",
            Single(BookingConflicts.Find(candidate, [earlyWednesday]), ConflictKind.ChildBusy).Message);
    }

    [Fact]
    public void A_session_ending_at_midnight_does_not_clash_with_one_starting_at_midnight()
    {
        var candidate = LateCandidate(Tuesday.AddDays(1), new(0, 0), 60);
        Assert.Empty(BookingConflicts.Find(candidate, [Other(new(23, 0), 60, room: Oak)]));
        Assert.Empty(BookingConflicts.Find(candidate, [Other(new(22, 0), 120, room: Oak, child: Child)]));
    }

    // What the plan asks of the venue (issue 12): soft, like travel time, so a tick lets the coordinator go ahead.

    private static BookingPlace StepPlace(Domain.Venues.RoomFeatures features) => Place() with { RoomFeatures = features };

    [Fact]
    public void A_room_without_step_free_access_when_the_plan_needs_it_is_a_warning()
    {
        var candidate = Candidate(place: StepPlace(Domain.Venues.RoomFeatures.FamilyFriendly)) with { VenueNeeds = new PlanVenueNeeds(true, null, null) };
        var c = Single(BookingConflicts.Find(candidate, []), ConflictKind.RoomNotStepFree);
        Assert.Equal("The Oak Room at Hillside Family Centre has no step-free access, and the plan says the venue must have it", c.Message);
        Assert.Equal(("RoomId", true), (c.Field, c.Soft));
        Assert.False(BookingConflicts.AllowsBooking([c], softAccepted: false));
        Assert.True(BookingConflicts.AllowsBooking([c], softAccepted: true));
    }

    [Fact]
    public void A_step_free_room_or_a_plan_that_does_not_ask_finds_nothing()
    {
        var stepFree = Candidate(place: StepPlace(Domain.Venues.RoomFeatures.StepFree)) with { VenueNeeds = new PlanVenueNeeds(true, null, null) };
        Assert.Empty(BookingConflicts.Find(stepFree, []));
        Assert.Empty(BookingConflicts.Find(Candidate(place: StepPlace(Domain.Venues.RoomFeatures.None)), []));
    }

    [Fact]
    public void Another_venue_than_the_one_the_plan_fixes_is_a_warning()
    {
        var candidate = Candidate() with { VenueNeeds = new PlanVenueNeeds(false, Riverside, "Riverside Children's Centre") };
        var c = Single(BookingConflicts.Find(candidate, []), ConflictKind.OtherVenue);
        Assert.Equal("The plan says family time must be at Riverside Children's Centre, and Hillside Family Centre is another venue", c.Message);
        Assert.Equal(("RoomId", true), (c.Field, c.Soft));
        Assert.Empty(BookingConflicts.Find(Candidate() with { VenueNeeds = new PlanVenueNeeds(false, Hillside, "Hillside Family Centre") }, []));
    }
}
