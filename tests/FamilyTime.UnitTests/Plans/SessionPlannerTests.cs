using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class SessionPlannerTests
{
    private static readonly DateTime RecordedAt = new(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc);

    private static readonly BankHolidays EnglandAndWales = Holidays(
        (2026, 12, 25, "Christmas Day"), (2026, 12, 28, "Boxing Day"), (2027, 1, 1, "New Year’s Day"),
        (2027, 3, 26, "Good Friday"), (2027, 3, 29, "Easter Monday"), (2027, 5, 3, "Early May bank holiday"),
        (2027, 5, 31, "Spring bank holiday"), (2027, 8, 30, "Summer bank holiday"), (2027, 12, 27, "Christmas Day"));

    private static Arrangement Add(ArrangementDetails details) => Draft().AddArrangement(details, Context(), null, Worker).Added!;

    private static Arrangement Saturdays => Add(Arrangement() with { SupervisorId = "cw-7" });

    private static FamilyTimeSession Session(Arrangement a, DateOnly date, SessionStatus? recordedAs = null)
    {
        var session = new FamilyTimeSession(a.ChildId, a.Id, new SessionSlot(date, new TimeOnly(10, 0), 90, FamilyCentre, BlueRoom, "cw-7"), Valid.SocialWorker);
        if (recordedAs is { } status)
        {
            session.MarkRecorded(RecordedAt, status);
        }
        return session;
    }

    private static IEnumerable<DateOnly> Dates(SessionChanges changes) => changes.Add.Select(s => s.Date);

    [Fact]
    public void A_new_arrangement_gets_a_year_of_sessions_from_today()
    {
        var changes = SessionPlanner.Plan(Saturdays, [], Today, BankHolidays.None);

        var dates = Dates(changes).ToList();
        Assert.Empty(changes.Withdraw);
        Assert.Empty(changes.Move);
        Assert.Equal(52, changes.Planned);
        Assert.Equal(52, dates.Count);
        Assert.Equal(D(2026, 11, 28), dates[0]);
        Assert.Equal(D(2027, 11, 20), dates[^1]);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek));
        Assert.Equal(dates.Distinct().Count(), dates.Count);
    }

    [Fact]
    public void Each_session_carries_the_arrangement_s_time_place_and_supervisor()
    {
        var slot = SessionPlanner.Plan(Saturdays, [], Today, BankHolidays.None).Add[0];

        Assert.Equal(new SessionSlot(D(2026, 11, 28), new TimeOnly(10, 0), 90, FamilyCentre, BlueRoom, "cw-7"), slot);
    }

    [Fact]
    public void Unsupervised_sessions_have_no_supervisor() =>
        Assert.All(SessionPlanner.Plan(Add(Arrangement() with { Type = ArrangementType.Unsupervised, SupervisorId = "cw-7" }), [], Today, BankHolidays.None).Add,
            s => Assert.Null(s.SupervisorId));

    [Fact]
    public void The_year_includes_today_and_stops_the_day_before_the_same_date_next_year()
    {
        // Today is Monday 23 November 2026; 23 November 2027 is a Tuesday.
        var mondays = Dates(SessionPlanner.Plan(Add(Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Monday }, FirstDate = Today }), [], Today, BankHolidays.None)).ToList();
        var tuesdays = Dates(SessionPlanner.Plan(Add(Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Tuesday }, FirstDate = Today }), [], Today, BankHolidays.None)).ToList();

        Assert.Equal(Today, mondays[0]);
        Assert.Equal(D(2027, 11, 22), mondays[^1]);
        Assert.Equal(53, mondays.Count);
        Assert.Equal(D(2027, 11, 16), tuesdays[^1]);
        Assert.DoesNotContain(D(2027, 11, 23), tuesdays);
    }

    [Fact]
    public void An_arrangement_that_began_before_today_plans_only_from_today()
    {
        var arrangement = Add(Arrangement() with { FirstDate = D(2026, 11, 7) });

        Assert.Equal(D(2026, 11, 28), Dates(SessionPlanner.Plan(arrangement, [], Today, BankHolidays.None)).First());
    }

    [Fact]
    public void Bank_holidays_are_skipped_and_reported()
    {
        var mondays = Add(Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Monday }, FirstDate = Today });

        var changes = SessionPlanner.Plan(mondays, [], Today, EnglandAndWales);

        Assert.Equal(53 - 5, changes.Add.Count);
        Assert.Equal([D(2026, 12, 28), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30)], changes.SkippedHolidays.Select(h => h.Date));
        Assert.DoesNotContain(changes.Add, s => EnglandAndWales.IsHoliday(s.Date));
    }

    [Fact]
    public void Only_future_sessions_still_as_planned_and_unrecorded_are_kept_moved_or_withdrawn()
    {
        var a = Saturdays;
        var pastPlanned = Session(a, D(2026, 11, 14));
        var pastTookPlace = Session(a, D(2026, 11, 21), SessionStatus.TookPlace);
        var today = Session(a, Today);
        var futurePlanned = Session(a, D(2026, 11, 28));
        var futureCancelled = Session(a, D(2026, 12, 5), SessionStatus.CancelledByParent);
        var futureRecordedStillPlanned = Session(a, D(2026, 12, 12), SessionStatus.Planned);

        var changes = SessionPlanner.Plan(a, [pastPlanned, pastTookPlace, today, futurePlanned, futureCancelled, futureRecordedStillPlanned], Today, BankHolidays.None);

        // Today (a Monday, not a Saturday) is moved to the first free Saturday; 28 November keeps its session as it was.
        var moved = Assert.Single(changes.Move);
        Assert.Same(today, moved.Session);
        Assert.Equal(D(2026, 12, 19), moved.To.Date);
        Assert.Empty(changes.Withdraw);
        var dates = Dates(changes).ToList();
        Assert.DoesNotContain(D(2026, 11, 28), dates); // kept: its session is still on the plan's date
        Assert.DoesNotContain(D(2026, 12, 5), dates); // held by the recorded cancellation
        Assert.DoesNotContain(D(2026, 12, 12), dates); // held by a session someone wrote about
        Assert.DoesNotContain(D(2026, 12, 19), dates); // the moved session's
        Assert.Equal(48, dates.Count);
        Assert.Equal(50, changes.Planned);
    }

    [Fact]
    public void A_changed_day_moves_planned_sessions_in_order_and_keeps_recorded_ones()
    {
        var plan = Draft();
        var a = plan.AddArrangement(Arrangement(), Context(), null, Worker).Added!;
        var planned = SessionPlanner.Plan(a, [], Today, BankHolidays.None).Add
            .Select(slot => new FamilyTimeSession(a.ChildId, a.Id, slot, Valid.SocialWorker)).ToList();
        planned[1].MarkRecorded(RecordedAt, SessionStatus.ChildDeclined); // Saturday 5 December, recorded in advance
        plan.ChangeArrangement(a.Id, Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Sunday }, FirstDate = D(2026, 11, 29) }, Context(), null, Worker);

        var changes = SessionPlanner.Plan(a, planned, Today, BankHolidays.None);

        // 51 planned Saturdays move, in order, to the first 51 Sundays; the 52nd Sunday is new.
        Assert.Equal(51, changes.Move.Count);
        Assert.DoesNotContain(changes.Move, m => m.Session == planned[1]);
        Assert.All(changes.Move, m => Assert.Equal(DayOfWeek.Sunday, m.To.Date.DayOfWeek));
        Assert.Equal((planned[0], D(2026, 11, 29)), (changes.Move[0].Session, changes.Move[0].To.Date));
        Assert.Equal((planned[2], D(2026, 12, 6)), (changes.Move[1].Session, changes.Move[1].To.Date));
        Assert.Empty(changes.Withdraw);
        Assert.Equal(D(2027, 11, 21), Assert.Single(changes.Add).Date);
        Assert.Equal(52, changes.Planned);
    }

    [Fact]
    public void Arrangements_that_are_not_face_to_face_withdraw_planned_sessions_and_add_none()
    {
        var calls = Add(VideoCalls());
        var planned = Session(calls, D(2026, 12, 1));
        var recorded = Session(calls, D(2026, 12, 8), SessionStatus.IndirectContact);

        var changes = SessionPlanner.Plan(calls, [planned, recorded], Today, EnglandAndWales);

        Assert.Equal(planned, Assert.Single(changes.Withdraw));
        Assert.Empty(changes.Move);
        Assert.Empty(changes.Add);
        Assert.Empty(changes.SkippedHolidays);
    }

    [Fact]
    public void Custom_dates_are_planned_only_from_today_to_the_horizon()
    {
        var a = Add(Arrangement() with
        {
            Frequency = FrequencyKind.CustomDates,
            CustomDates = [D(2026, 11, 1), Today, D(2026, 12, 25), D(2027, 2, 14), D(2027, 11, 22), D(2027, 11, 23)],
        });

        var changes = SessionPlanner.Plan(a, [], Today, EnglandAndWales);

        Assert.Equal([Today, D(2027, 2, 14), D(2027, 11, 22)], Dates(changes));
        Assert.Equal("Christmas Day", Assert.Single(changes.SkippedHolidays).Title);
    }

    [Fact]
    public void Plan_needs_the_arrangement_and_the_existing_sessions()
    {
        Assert.Throws<ArgumentNullException>(() => SessionPlanner.Plan(null!, [], Today, BankHolidays.None));
        Assert.Throws<ArgumentNullException>(() => SessionPlanner.Plan(Saturdays, null!, Today, BankHolidays.None));
    }
}

public class FamilyTimeSessionTests
{
    private static FamilyTimeSession Session(DateOnly date) =>
        new(Guid.NewGuid(), Guid.NewGuid(), new SessionSlot(date, new TimeOnly(23, 0), 60, FamilyCentre, BlueRoom, null), Valid.SocialWorker);

    [Fact]
    public void A_new_session_is_planned_unrecorded_and_ends_after_its_duration()
    {
        var s = Session(Today);

        Assert.Equal(SessionStatus.Planned, s.Status);
        Assert.Null(s.RecordedAt);
        Assert.Equal(new TimeOnly(0, 0), s.EndTime);
        Assert.Equal(Valid.SocialWorker, s.SocialWorkerId);
    }

    [Fact]
    public void Replaceable_means_planned_unrecorded_and_today_or_later()
    {
        Assert.True(Session(Today).IsReplaceable(Today));
        Assert.True(Session(Today.AddDays(1)).IsReplaceable(Today));
        Assert.False(Session(Today.AddDays(-1)).IsReplaceable(Today));
    }

    [Fact]
    public void Recording_keeps_the_first_time_and_the_latest_status()
    {
        var s = Session(Today.AddDays(7));
        var first = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

        s.MarkRecorded(first, SessionStatus.TookPlace);
        s.MarkRecorded(first.AddHours(3), SessionStatus.EndedEarly);

        Assert.Equal(first, s.RecordedAt);
        Assert.Equal(SessionStatus.EndedEarly, s.Status);
        Assert.False(s.IsReplaceable(Today));
    }
}
