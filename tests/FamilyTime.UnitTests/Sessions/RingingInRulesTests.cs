using FamilyTime.Domain.Sessions;

namespace FamilyTime.UnitTests.Sessions;

/// <summary>Issue 11, items 2 and 3: confirming by a deadline, running late, "I can't come", and moving a session.</summary>
public class RingingInRulesTests
{
    // Saturday 21 November 2026, 10:00 to 11:30 (GMT, so local and UTC agree).
    private static readonly DateOnly Day = new(2026, 11, 21);
    private static readonly TimeOnly Ten = new(10, 0);

    private static FamilyTimeSession Session() => new(Guid.NewGuid(), Guid.NewGuid(), new SessionSlot(Day, Ten, 90, null, null, "worker"), "sw");

    private static Moment At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Utc), local);

    private static Moment HoursBefore(double hours) => At(Day.ToDateTime(Ten).AddHours(-hours));

    [Fact]
    public void A_session_of_an_arrangement_that_asks_for_confirmation_awaits_it_and_one_that_does_not_needs_none()
    {
        Assert.Equal(ConfirmationState.Awaiting, Session().ConfirmationOf(required: true));
        Assert.Equal(ConfirmationState.NotNeeded, Session().ConfirmationOf(required: false));
    }

    [Fact]
    public void The_deadline_is_the_arrangements_hours_before_the_start()
    {
        Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0), ConfirmationRules.DeadlineOf(Day, Ten, 24));
        Assert.Equal(new DateTime(2026, 11, 21, 8, 0, 0), ConfirmationRules.DeadlineOf(Day, Ten, 2));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(168, true)]
    [InlineData(169, false)]
    public void The_confirmation_deadline_is_from_1_to_168_hours_before_the_start(int hours, bool allowed) =>
        Assert.Equal(allowed, ConfirmationRules.HoursRefusal(hours) is null);

    [Fact]
    public void Confirming_records_when_and_by_whom_and_confirming_again_changes_nothing()
    {
        var s = Session();
        var first = s.Confirm("parent", "Kelly Harper", HoursBefore(48));
        Assert.Equal((null, true, false), (first.Refusal, first.Changed, first.Reinstated));
        Assert.Equal((ConfirmationState.Confirmed, "parent", "Kelly Harper"), (s.ConfirmationOf(true), s.ConfirmedById, s.ConfirmedByName));
        var at = s.ConfirmedAt;
        var again = s.Confirm("parent", "Kelly Harper", HoursBefore(30));
        Assert.False(again.Changed);
        Assert.Equal(at, s.ConfirmedAt);
    }

    [Fact]
    public void No_confirmation_by_the_deadline_marks_the_session_unconfirmed_once()
    {
        var s = Session();
        Assert.False(s.MarkUnconfirmedIfDue(true, 24, HoursBefore(25)));
        Assert.Equal(ConfirmationState.Awaiting, s.ConfirmationOf(true));
        Assert.True(s.MarkUnconfirmedIfDue(true, 24, HoursBefore(23.5)));
        Assert.Equal(ConfirmationState.Unconfirmed, s.ConfirmationOf(true));
        Assert.False(s.MarkUnconfirmedIfDue(true, 24, HoursBefore(20)));
    }

    [Fact]
    public void A_confirmed_session_or_one_not_asking_for_confirmation_is_never_marked_unconfirmed()
    {
        var confirmed = Session();
        confirmed.Confirm("parent", "Kelly", HoursBefore(30));
        Assert.False(confirmed.MarkUnconfirmedIfDue(true, 24, HoursBefore(1)));
        Assert.False(Session().MarkUnconfirmedIfDue(false, 24, HoursBefore(1)));
    }

    [Fact]
    public void A_late_confirmation_before_the_start_reinstates_an_unconfirmed_session()
    {
        var s = Session();
        s.MarkUnconfirmedIfDue(true, 24, HoursBefore(20));
        var late = s.Confirm("parent", "Kelly", HoursBefore(3));
        Assert.True(late.Reinstated);
        Assert.Equal(ConfirmationState.Reinstated, s.ConfirmationOf(true));
    }

    [Fact]
    public void A_confirmation_after_the_start_is_refused_and_the_session_stays_unconfirmed()
    {
        var s = Session();
        s.MarkUnconfirmedIfDue(true, 24, HoursBefore(20));
        var tooLate = s.Confirm("parent", "Kelly", HoursBefore(-0.25));
        Assert.NotNull(tooLate.Refusal);
        Assert.Equal(ConfirmationState.Unconfirmed, s.ConfirmationOf(true));
    }

    [Fact]
    public void Confirming_a_cancelled_or_past_session_is_refused_with_a_clear_message()
    {
        var cancelled = Session();
        cancelled.Close(SessionStatus.CancelledByAuthority, "The room flooded", "sw", new DateTime(2026, 11, 17, 9, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 17));
        Assert.Contains("not going ahead", cancelled.Confirm("parent", "Kelly", HoursBefore(48)).Refusal, StringComparison.Ordinal);
        var past = Session();
        Assert.Contains("already started or is over", past.Confirm("parent", "Kelly", HoursBefore(-24)).Refusal, StringComparison.Ordinal);
        Assert.Null(past.ConfirmedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    [InlineData(121)]
    public void Running_late_is_from_5_to_120_minutes(int? minutes)
    {
        var s = Session();
        var said = s.SayRunningLate(minutes, HoursBefore(1));
        Assert.Equal("RunningLateMinutes", said.Field);
        Assert.Null(s.RunningLateMinutes);
    }

    [Fact]
    public void Running_late_the_latest_word_wins_and_saying_the_same_again_changes_nothing()
    {
        var s = Session();
        Assert.True(s.SayRunningLate(15, HoursBefore(1)).Changed);
        Assert.True(s.SayRunningLate(30, HoursBefore(0.5)).Changed);
        Assert.Equal(30, s.RunningLateMinutes);
        Assert.Equal(HoursBefore(0.5).Utc, s.RunningLateSaidAt);
        Assert.False(s.SayRunningLate(30, HoursBefore(0.25)).Changed);
    }

    [Fact]
    public void Running_late_can_be_said_after_the_start_until_the_session_ends()
    {
        var s = Session();
        Assert.True(s.SayRunningLate(10, HoursBefore(-0.5)).Changed);
        Assert.NotNull(s.SayRunningLate(20, HoursBefore(-1.5)).Problem);
    }

    [Fact]
    public void I_cant_come_cancels_the_session_as_cancelled_by_the_parent_with_their_reason()
    {
        var s = Session();
        var result = s.CancelByFamily("My bus isn't running", "parent", HoursBefore(30));
        Assert.Equal((null, null), (result.Refusal, result.Errors));
        Assert.Equal((SessionStatus.CancelledByParent, "My bus isn't running", "parent"), (s.Status, s.OutcomeReason, s.ClosedById));
    }

    [Fact]
    public void I_cant_come_needs_a_reason_and_a_session_still_ahead()
    {
        var s = Session();
        Assert.NotNull(s.CancelByFamily(" ", "parent", HoursBefore(30)).Errors);
        Assert.Equal(SessionStatus.Planned, s.Status);
        Assert.NotNull(s.CancelByFamily("Ill", "parent", HoursBefore(-2)).Refusal);
    }

    [Fact]
    public void Moving_a_session_changes_its_day_and_time_and_forgets_what_was_said_about_the_old_time()
    {
        var s = Session();
        s.SayRunningLate(15, HoursBefore(1));
        s.MarkUnconfirmedIfDue(true, 24, HoursBefore(20));
        Assert.Null(s.MoveTo(Day.AddDays(3), new TimeOnly(14, 0), HoursBefore(20)));
        Assert.Equal((Day.AddDays(3), new TimeOnly(14, 0), (int?)null, (DateTime?)null), (s.Date, s.StartTime, s.RunningLateMinutes, s.UnconfirmedAt));
        Assert.Equal(ConfirmationState.Awaiting, s.ConfirmationOf(true));
    }

    [Fact]
    public void Only_a_planned_session_can_be_moved_and_only_to_a_time_still_to_come()
    {
        var s = Session();
        Assert.NotNull(s.MoveTo(Day.AddDays(-10), Ten, HoursBefore(48)));
        s.CancelByFamily("Ill", "parent", HoursBefore(48));
        Assert.NotNull(s.MoveTo(Day.AddDays(3), Ten, HoursBefore(48)));
        Assert.Equal(Day, s.Date);
    }

    [Fact]
    public void A_session_the_plan_moves_to_another_day_or_time_asks_the_family_to_confirm_again()
    {
        var s = Session();
        s.Confirm("parent", "Kelly Harper", HoursBefore(48));
        s.SayRunningLate(15, HoursBefore(1));
        // The same day and time (a new room, say) keeps what the family said.
        s.Reschedule(new SessionSlot(Day, Ten, 90, null, Guid.NewGuid(), "worker"));
        Assert.Equal((ConfirmationState.Confirmed, 15), (s.ConfirmationOf(true), s.RunningLateMinutes));
        // An hour later is a new time: the confirmation and the lateness were for the old one.
        s.Reschedule(new SessionSlot(Day, Ten.AddHours(1), 90, null, null, "worker"));
        Assert.Equal(ConfirmationState.Awaiting, s.ConfirmationOf(true));
        Assert.Null(s.RunningLateMinutes);
    }
}
