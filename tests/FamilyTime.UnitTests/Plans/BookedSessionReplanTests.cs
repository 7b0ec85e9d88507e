using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>
/// A booked session and the plan saved again: the booking (room, time and workers, checked for clashes) stands while
/// the plan asks of that date what it asked when the session was booked, and the plan wins when it asks something
/// new. Today is Monday 23 November 2026; the arrangement is every Saturday 10:00–11:30 in the family centre's blue
/// room with cw-1, from 28 November.
/// </summary>
public class BookedSessionReplanTests
{
    private static readonly DateTime At = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);
    private static readonly Moment Now = new(At, At);

    private sealed record Planned(ContactPlan Plan, Arrangement Arrangement, List<FamilyTimeSession> Sessions);

    private static Planned Saturdays()
    {
        var plan = Draft();
        var a = plan.AddArrangement(Arrangement(), Context(), null, Worker).Added!;
        var sessions = SessionPlanner.Plan(a, [], Today, BankHolidays.None).Apply(a, Valid.SocialWorker, Valid.SocialWorker, At).ToList();
        return new Planned(plan, a, sessions);
    }

    /// <summary>The coordinator books the session on its own day, an hour later, in the green room, with another supervisor, a second worker and a driver.</summary>
    private static FamilyTimeSession BookAnother(FamilyTimeSession s)
    {
        var (moved, refusal) = s.Book(new SessionBooking(s.Date, new TimeOnly(11, 0), FamilyCentre, GreenRoom, "cw-9", "cw-2", "cw-3"), Now);
        Assert.Null(refusal);
        Assert.True(moved);
        return s;
    }

    private static SessionChanges ChangeTo(Planned p, ArrangementDetails details)
    {
        Assert.True(p.Plan.ChangeArrangement(p.Arrangement.Id, details, Context(), null, Worker).IsValid);
        var changes = SessionPlanner.Plan(p.Arrangement, p.Sessions, Today, BankHolidays.None);
        p.Sessions.AddRange(changes.Apply(p.Arrangement, Valid.SocialWorker, Valid.SocialWorker, At.AddHours(1)));
        return changes;
    }

    private static (TimeOnly, Guid?, Guid?, string?, string?, string?) Booking(FamilyTimeSession s) =>
        (s.StartTime, s.VenueId, s.RoomId, s.SupervisorId, s.SecondWorkerId, s.DriverId);

    [Fact]
    public void Booking_remembers_what_the_plan_asked_of_the_session()
    {
        var s = BookAnother(Saturdays().Sessions[0]);

        Assert.True(s.IsBooked);
        Assert.Equal(At, s.BookedAt);
        Assert.Equal((new TimeOnly(10, 0), FamilyCentre, BlueRoom, "cw-1"), (s.PlannedStart!.Value, s.PlannedVenueId, s.PlannedRoomId, s.PlannedSupervisorId));
    }

    [Fact]
    public void A_booking_at_another_time_asks_the_family_to_confirm_again_and_one_in_another_room_does_not()
    {
        var p = Saturdays();
        var s = p.Sessions[1];
        Assert.Null(s.Confirm("parent-1", "Amy", Now).Refusal);
        Assert.Null(s.Book(new SessionBooking(s.Date, s.StartTime, FamilyCentre, GreenRoom, "cw-1", null, null), Now).Refusal);
        Assert.NotNull(s.ConfirmedAt);

        Assert.Null(s.Book(new SessionBooking(s.Date, new TimeOnly(11, 0), FamilyCentre, GreenRoom, "cw-1", null, null), Now).Refusal);

        Assert.Null(s.ConfirmedAt);
        Assert.Null(s.ConfirmedByName);
    }

    [Fact]
    public void A_booked_session_keeps_its_booking_when_the_plan_is_saved_asking_nothing_new_of_it()
    {
        var p = Saturdays();
        var booked = BookAnother(p.Sessions[1]);
        var before = Booking(booked);

        var changes = ChangeTo(p, Arrangement() with { JourneyMinutes = 35, SuggestedActivity = "Board games and the garden" });

        Assert.Empty(changes.Move);
        Assert.Empty(changes.Withdraw);
        Assert.Empty(changes.Add);
        Assert.Equal(before, Booking(booked));
        Assert.True(booked.IsBooked);
        Assert.Equal(SessionStatus.Planned, booked.Status);
    }

    [Fact]
    public void Booking_again_keeps_what_the_plan_asked_so_a_later_save_still_keeps_the_booking()
    {
        var p = Saturdays();
        var booked = BookAnother(p.Sessions[1]);
        Assert.Null(booked.Book(new SessionBooking(booked.Date, new TimeOnly(12, 0), ChildrensCentre, Hall, "cw-8", null, null), Now).Refusal);

        var changes = ChangeTo(p, Arrangement() with { JourneyMinutes = 20 });

        Assert.Empty(changes.Move);
        Assert.Equal((new TimeOnly(12, 0), ChildrensCentre, Hall, "cw-8"), (booked.StartTime, booked.VenueId, booked.RoomId, booked.SupervisorId));
        Assert.Equal((new TimeOnly(10, 0), BlueRoom, "cw-1"), (booked.PlannedStart!.Value, booked.PlannedRoomId, booked.PlannedSupervisorId));
    }

    public static TheoryData<string> NewAsks => ["time", "venue", "room", "supervisor", "length"];

    private static ArrangementDetails Asking(string what) => what switch
    {
        "time" => Arrangement() with { StartTime = new TimeOnly(14, 0) },
        "venue" => Arrangement() with { VenueId = ChildrensCentre, RoomId = Hall },
        "room" => Arrangement() with { RoomId = GreenRoom },
        "supervisor" => Arrangement() with { SupervisorId = "cw-5" },
        "length" => Arrangement() with { DurationMinutes = 120 },
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(NewAsks))]
    public void A_plan_that_asks_something_new_moves_the_booked_session_to_it_and_clears_the_booking(string what)
    {
        var p = Saturdays();
        var booked = BookAnother(p.Sessions[1]);
        var date = booked.Date;

        var changes = ChangeTo(p, Asking(what));

        var move = Assert.Single(changes.Move, m => m.Session == booked);
        var asked = Asking(what);
        Assert.Equal(new SessionSlot(date, asked.StartTime!.Value, asked.DurationMinutes!.Value, asked.VenueId, asked.RoomId, asked.SupervisorId), move.To);
        Assert.Equal(move.To, new SessionSlot(booked.Date, booked.StartTime, booked.DurationMinutes, booked.VenueId, booked.RoomId, booked.SupervisorId));
        Assert.False(booked.IsBooked);
        Assert.Null(booked.BookedAt);
        Assert.Equal((null, null), (booked.SecondWorkerId, booked.DriverId));
        Assert.Equal((null, null, null, null), (booked.PlannedStart, booked.PlannedVenueId, booked.PlannedRoomId, booked.PlannedSupervisorId));
        Assert.Equal(SessionStatus.Planned, booked.Status);
    }

    [Fact]
    public void A_booked_session_whose_date_leaves_the_plan_moves_with_the_others_and_loses_its_booking()
    {
        var p = Saturdays();
        var booked = BookAnother(p.Sessions[0]);

        ChangeTo(p, Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Sunday }, FirstDate = D(2026, 11, 29) });

        Assert.Equal((D(2026, 11, 29), new TimeOnly(10, 0), BlueRoom, "cw-1"), (booked.Date, booked.StartTime, booked.RoomId, booked.SupervisorId));
        Assert.False(booked.IsBooked);
        Assert.Null(booked.SecondWorkerId);
    }

    [Fact]
    public void An_unbooked_session_follows_the_plan_as_before()
    {
        var p = Saturdays();
        var unbooked = p.Sessions[1];

        Assert.Empty(ChangeTo(p, Arrangement() with { JourneyMinutes = 35 }).Move);
        var changes = ChangeTo(p, Arrangement() with { StartTime = new TimeOnly(14, 0), SupervisorId = "cw-5" });

        Assert.Equal(52, changes.Move.Count);
        Assert.Equal((new TimeOnly(14, 0), BlueRoom, "cw-5"), (unbooked.StartTime, unbooked.RoomId, unbooked.SupervisorId));
        Assert.False(unbooked.IsBooked);
    }

    [Fact]
    public void A_session_moved_by_agreement_stays_where_it_was_moved_whatever_the_plan_now_asks()
    {
        var p = Saturdays();
        var agreed = p.Sessions[2];
        Assert.Null(agreed.MoveTo(agreed.Date.AddDays(1), new TimeOnly(11, 0), Now));
        var bookedElsewhere = p.Sessions[3];
        Assert.Null(bookedElsewhere.Book(new SessionBooking(bookedElsewhere.Date.AddDays(1), new TimeOnly(15, 0), FamilyCentre, GreenRoom, "cw-9", null, null), Now).Refusal);

        var changes = ChangeTo(p, Arrangement() with { StartTime = new TimeOnly(14, 0) });

        Assert.DoesNotContain(changes.Move, m => m.Session == agreed || m.Session == bookedElsewhere);
        Assert.Equal((DayOfWeek.Sunday, new TimeOnly(11, 0)), (agreed.Date.DayOfWeek, agreed.StartTime));
        Assert.Equal((DayOfWeek.Sunday, new TimeOnly(15, 0), GreenRoom), (bookedElsewhere.Date.DayOfWeek, bookedElsewhere.StartTime, bookedElsewhere.RoomId));
        Assert.True(bookedElsewhere.IsBooked);
    }

    [Fact]
    public void The_published_rota_books_the_same_way_so_a_save_asking_nothing_new_keeps_its_placement()
    {
        var p = Saturdays();
        var placed = p.Sessions[1];
        Assert.True(placed.BookFromRota(new SessionBooking(placed.Date, new TimeOnly(10, 30), FamilyCentre, GreenRoom, "cw-9", "cw-2", null), At));

        Assert.Empty(ChangeTo(p, Arrangement() with { JourneyMinutes = 35 }).Move);
        Assert.Equal((new TimeOnly(10, 30), GreenRoom, "cw-9", "cw-2"), (placed.StartTime, placed.RoomId, placed.SupervisorId, placed.SecondWorkerId));

        ChangeTo(p, Arrangement() with { StartTime = new TimeOnly(9, 0) });
        Assert.Equal((new TimeOnly(9, 0), BlueRoom, "cw-1", (string?)null), (placed.StartTime, placed.RoomId, placed.SupervisorId, placed.SecondWorkerId));
        Assert.False(placed.IsBooked);
    }
}
