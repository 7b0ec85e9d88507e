using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>
/// Sessions keep their identity when an arrangement changes (issue 11, item 8): regenerating matches the sessions
/// already planned to the new dates, so calendars keep their events. Today is Monday 23 November 2026; the
/// arrangement is every Saturday 10:00–11:30, from 28 November.
/// </summary>
public class SessionIdentityTests
{
    private static readonly DateTime At = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);
    private static readonly Signature Manager = new("tm-1", "Priya Shah", new DateTime(2026, 12, 14, 9, 15, 0, DateTimeKind.Utc));

    private sealed record Planned(ContactPlan Plan, Arrangement Arrangement, List<FamilyTimeSession> Sessions);

    /// <summary>A draft plan with the weekly arrangement and its year of sessions, as stored after the first save.</summary>
    private static Planned Saturdays()
    {
        var plan = Draft();
        var a = plan.AddArrangement(Arrangement(), Context(), null, Worker).Added!;
        var sessions = SessionPlanner.Plan(a, [], Today, BankHolidays.None).Apply(a, Valid.SocialWorker, Valid.SocialWorker, At).ToList();
        return new Planned(plan, a, sessions);
    }

    private static (SessionChanges Changes, List<FamilyTimeSession> All) ChangeTo(Planned p, ArrangementDetails details)
    {
        Assert.True(p.Plan.ChangeArrangement(p.Arrangement.Id, details, Context(), null, Worker).IsValid);
        var changes = SessionPlanner.Plan(p.Arrangement, p.Sessions, Today, BankHolidays.None);
        var added = changes.Apply(p.Arrangement, Valid.SocialWorker, Valid.SocialWorker, At.AddHours(1));
        return (changes, p.Sessions.Concat(added).ToList());
    }

    private static List<FamilyTimeSession> StillPlanned(IEnumerable<FamilyTimeSession> all) =>
        all.Where(s => s.Status == SessionStatus.Planned).OrderBy(s => s.Date).ToList();

    [Fact]
    public void Saving_the_same_dates_changes_no_session()
    {
        var p = Saturdays();
        var before = p.Sessions.Select(s => (s.Id, s.Date, s.StartTime)).ToList();

        var (changes, all) = ChangeTo(p, Arrangement() with { JourneyMinutes = 35 });

        Assert.Empty(changes.Move);
        Assert.Empty(changes.Withdraw);
        Assert.Empty(changes.Add);
        Assert.Equal(52, changes.Planned);
        Assert.Equal(before, all.Select(s => (s.Id, s.Date, s.StartTime)).ToList());
    }

    [Fact]
    public void A_new_start_time_updates_each_session_in_place()
    {
        var p = Saturdays();
        var ids = p.Sessions.Select(s => s.Id).ToList();

        var (changes, all) = ChangeTo(p, Arrangement() with { StartTime = new TimeOnly(14, 0), DurationMinutes = 60, SupervisorId = "cw-9" });

        Assert.Equal(52, changes.Move.Count);
        Assert.Empty(changes.Withdraw);
        Assert.Empty(changes.Add);
        Assert.Equal(ids, all.Select(s => s.Id).ToList());
        Assert.All(all, s =>
        {
            Assert.Equal(SessionStatus.Planned, s.Status);
            Assert.Equal(DayOfWeek.Saturday, s.Date.DayOfWeek);
            Assert.Equal((new TimeOnly(14, 0), 60, "cw-9"), (s.StartTime, s.DurationMinutes, s.SupervisorId));
        });
    }

    [Fact]
    public void A_changed_day_moves_each_session_to_the_new_day_keeping_its_identity()
    {
        var p = Saturdays();
        var ids = p.Sessions.OrderBy(s => s.Date).Select(s => s.Id).ToList();

        var (changes, all) = ChangeTo(p, Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Wednesday }, FirstDate = D(2026, 11, 25) });

        Assert.Empty(changes.Withdraw);
        var planned = StillPlanned(all);
        Assert.All(planned, s => Assert.Equal(DayOfWeek.Wednesday, s.Date.DayOfWeek));
        // Moved in order: the first Saturday's session is now the first Wednesday's.
        Assert.Equal(ids, planned.Take(ids.Count).Select(s => s.Id).ToList());
        Assert.Equal(D(2026, 11, 25), planned[0].Date);
        Assert.Equal(planned.Count, changes.Planned);
    }

    [Fact]
    public void Weekly_to_fortnightly_keeps_the_sessions_on_the_new_dates_and_withdraws_the_others_as_the_plan_changed()
    {
        var p = Saturdays();
        var byDate = p.Sessions.ToDictionary(s => s.Date, s => s.Id);

        var (changes, all) = ChangeTo(p, Arrangement() with { Frequency = FrequencyKind.Fortnightly });

        Assert.Empty(changes.Move);
        Assert.Empty(changes.Add);
        Assert.Equal(26, changes.Withdraw.Count);
        Assert.Equal(52, all.Count); // nothing deleted
        var planned = StillPlanned(all);
        Assert.Equal(26, planned.Count);
        Assert.All(planned, s => Assert.Equal(byDate[s.Date], s.Id));
        Assert.Equal([D(2026, 11, 28), D(2026, 12, 12), D(2026, 12, 26)], planned.Take(3).Select(s => s.Date));
        var withdrawn = all.Where(s => s.Status == SessionStatus.PlanChanged).ToList();
        Assert.Equal(26, withdrawn.Count);
        Assert.All(withdrawn, s =>
        {
            Assert.Equal(SessionPlanner.PlanChangedReason, s.OutcomeReason);
            Assert.Equal(At.AddHours(1), s.ClosedAt);
            Assert.Equal(Valid.SocialWorker, s.ClosedById);
            Assert.Null(s.CancellationReason);
            Assert.True(FamilyTimeSession.IsCancelled(s.Status));
        });
    }

    [Fact]
    public void A_date_that_comes_back_brings_back_its_withdrawn_session()
    {
        var p = Saturdays();
        var fifthDecember = p.Sessions.Single(s => s.Date == D(2026, 12, 5));
        ChangeTo(p, Arrangement() with { Frequency = FrequencyKind.Fortnightly });
        Assert.Equal(SessionStatus.PlanChanged, fifthDecember.Status);

        var (changes, all) = ChangeTo(p, Arrangement());

        Assert.Empty(changes.Add);
        Assert.Empty(changes.Withdraw);
        Assert.Equal(26, changes.Move.Count);
        Assert.Equal(SessionStatus.Planned, fifthDecember.Status);
        Assert.Null(fifthDecember.ClosedAt);
        Assert.Null(fifthDecember.OutcomeReason);
        Assert.Equal(52, StillPlanned(all).Count);
        Assert.Equal(52, all.Count);
    }

    [Fact]
    public void More_dates_than_sessions_become_new_sessions_after_the_moved_ones()
    {
        var p = Saturdays();

        var (changes, all) = ChangeTo(p, Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday } });

        Assert.Empty(changes.Move);
        Assert.Empty(changes.Withdraw);
        Assert.Equal(52, changes.Add.Count);
        Assert.All(changes.Add, s => Assert.Equal(DayOfWeek.Sunday, s.Date.DayOfWeek));
        Assert.Equal(104, StillPlanned(all).Count);
    }

    [Fact]
    public void Ending_an_arrangement_withdraws_its_future_sessions_and_deletes_none()
    {
        var (plan, saturdays, _) = Agreed();
        var sessions = SessionPlanner.Plan(saturdays, [], Today, BankHolidays.None).Apply(saturdays, Valid.SocialWorker, Valid.SocialWorker, At).ToList();
        var endDay = D(2026, 12, 14);
        Assert.True(plan.EndArrangement(saturdays.Id, Context(today: endDay), Change("Mum asked to stop for now"), Manager).IsValid);

        var changes = SessionPlanner.Plan(saturdays, sessions, endDay, BankHolidays.None);
        changes.Apply(saturdays, Valid.SocialWorker, Valid.SocialWorker, At.AddDays(17));

        Assert.Empty(changes.Add);
        Assert.Empty(changes.Move);
        Assert.Equal(SessionPlanner.EndedReason, changes.WithdrawReason);
        Assert.All(sessions.Where(s => s.Date < endDay), s => Assert.Equal(SessionStatus.Planned, s.Status));
        Assert.All(sessions.Where(s => s.Date >= endDay), s =>
        {
            Assert.Equal(SessionStatus.PlanChanged, s.Status);
            Assert.Equal(SessionPlanner.EndedReason, s.OutcomeReason);
        });
        Assert.Equal(49, changes.Withdraw.Count); // all but 28 November, 5 and 12 December
    }

    [Fact]
    public void Only_the_plan_withdraws_a_session_a_person_cannot_close_one_as_plan_changed()
    {
        var s = Saturdays().Sessions[0];

        var errors = s.Close(new SessionClosing(SessionStatus.PlanChanged, "moved"), SessionRules.NoRecordNeeded, Valid.SocialWorker, At, Today);

        Assert.False(errors.IsValid);
        Assert.Equal(SessionStatus.Planned, s.Status);
    }

    [Fact]
    public void What_happened_or_was_written_about_is_never_moved_or_withdrawn()
    {
        var s = Saturdays().Sessions[0];
        s.MarkRecorded(At, SessionStatus.Planned);

        Assert.Throws<InvalidOperationException>(() => s.Reschedule(new SessionSlot(D(2026, 12, 2), new TimeOnly(9, 0), 60, null, null, null)));
        Assert.Throws<InvalidOperationException>(() => s.WithdrawFromPlan(SessionPlanner.PlanChangedReason, Valid.SocialWorker, At));
    }

    [Fact]
    public void Every_field_a_calendar_shows_is_one_the_save_watches()
    {
        Assert.Equal(
            ["Date", "StartTime", "DurationMinutes", "VenueId", "RoomId", "SupervisorId", "Status", "CancellationReason"],
            FamilyTimeSession.CalendarFields);
        Assert.All(FamilyTimeSession.CalendarFields, f => Assert.NotNull(typeof(FamilyTimeSession).GetProperty(f)));
    }

    [Fact]
    public void A_session_moved_by_agreement_stays_on_its_new_day_when_the_plan_is_saved_again()
    {
        var p = Saturdays();
        var moved = p.Sessions[1];
        var from = moved.Date;
        // The family asked, the worker agreed: the Saturday session moves to the Sunday.
        Assert.Null(moved.MoveTo(from.AddDays(1), new TimeOnly(11, 0), new Moment(At, At)));

        var (changes, all) = ChangeTo(p, Arrangement() with { JourneyMinutes = 35 });

        Assert.DoesNotContain(changes.Move, m => m.Session.Id == moved.Id);
        Assert.Equal((from.AddDays(1), new TimeOnly(11, 0), SessionStatus.Planned), (moved.Date, moved.StartTime, moved.Status));
        // Nothing is planned again on the Saturday it left.
        Assert.DoesNotContain(all, s => s.Date == from && s.Status == SessionStatus.Planned);
        Assert.Empty(changes.Add);
    }

    [Fact]
    public void Ending_an_arrangement_withdraws_a_session_moved_by_agreement_too()
    {
        var (plan, saturdays, _) = Agreed();
        var sessions = SessionPlanner.Plan(saturdays, [], Today, BankHolidays.None).Apply(saturdays, Valid.SocialWorker, Valid.SocialWorker, At).ToList();
        var moved = sessions.Last();
        Assert.Null(moved.MoveTo(moved.Date.AddDays(1), new TimeOnly(11, 0), new Moment(At, At)));
        var endDay = D(2026, 12, 14);
        Assert.True(plan.EndArrangement(saturdays.Id, Context(today: endDay), Change("Mum asked to stop for now"), Manager).IsValid);

        var changes = SessionPlanner.Plan(saturdays, sessions, endDay, BankHolidays.None);

        Assert.Contains(moved, changes.Withdraw);
    }
}
