using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>
/// Ending agreed family time: a new version with the reason, the reason left behind for each parent, brother or
/// sister who now has none, and no more sessions planned.
/// </summary>
public class ContactPlanEndTests
{
    private static readonly DateOnly EndDay = D(2026, 12, 14);
    private static readonly Signature Manager = new("tm-1", "Priya Shah", new DateTime(2026, 12, 14, 9, 15, 0, DateTimeKind.Utc));
    private static readonly PlanContext OnEndDay = Context(today: EndDay);
    private const string Reason = "The IRO agreed: Mara is frightened before each session";

    private static void Ok(Domain.Common.ValidationErrors errors) => Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));

    [Fact]
    public void A_draft_arrangement_cannot_be_ended()
    {
        var plan = Draft();
        var saturdays = plan.AddArrangement(Arrangement(Mum, Dad), Context(), null, Worker).Added!;

        var errors = plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager);

        Assert.Equal([""], Fields(errors));
        Assert.Contains("The plan is still a draft", errors.ByField[""][0], StringComparison.Ordinal);
        Assert.False(saturdays.IsEnded);
        Assert.Empty(plan.Versions);
        Assert.Equal(0, plan.AgreedVersion);
        Assert.Empty(plan.Considerations);
    }

    [Fact]
    public void An_arrangement_from_elsewhere_cannot_be_ended()
    {
        var (plan, _, _) = Agreed();
        var errors = plan.EndArrangement(Stranger, OnEndDay, Change(Reason), Manager);
        Assert.Equal([""], Fields(errors));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Family_time_ends_once()
    {
        var (plan, saturdays, _) = Agreed();
        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        var errors = plan.EndArrangement(saturdays.Id, Context(today: EndDay.AddDays(7)), Change("Again"), Manager);

        Assert.Equal([""], Fields(errors));
        Assert.Equal("This family time already ended on 14 December 2026", errors.ByField[""][0]);
        Assert.Equal(2, plan.AgreedVersion);
        Assert.Equal(2, plan.Versions.Count);
        Assert.Equal(EndDay, saturdays.EndedOn);
        Assert.Equal(Reason, saturdays.EndedReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Ending_needs_a_reason_and_changes_nothing_without_one(string? reason)
    {
        var (plan, saturdays, _) = Agreed();

        var errors = plan.EndArrangement(saturdays.Id, OnEndDay, Change(reason), Manager);

        Assert.Equal(["Reason"], Fields(errors));
        Assert.Equal("Say why family time is ending", errors.ByField["Reason"][0]);
        Assert.False(saturdays.IsEnded);
        Assert.Null(saturdays.EndedReason);
        Assert.Equal(1, plan.AgreedVersion);
        Assert.Single(plan.Versions);
        Assert.Empty(plan.Considerations);
    }

    [Fact]
    public void Ending_is_agreed_as_the_next_version_with_its_reason_and_the_court_s_agreement()
    {
        var (plan, saturdays, calls) = Agreed();
        Ok(plan.ShareWithFamily(D(2026, 11, 24)));

        var errors = plan.EndArrangement(saturdays.Id, OnEndDay, Change("  " + Reason + "  ", D(2026, 12, 10), "  Order of HHJ Patel, para 4  "), Manager);

        Ok(errors);
        Assert.True(saturdays.IsEnded);
        Assert.Equal(EndDay, saturdays.EndedOn);
        Assert.Equal(Reason, saturdays.EndedReason);
        Assert.False(calls.IsEnded);
        Assert.Equal(2, plan.Arrangements.Count);

        Assert.Equal(2, plan.AgreedVersion);
        Assert.Equal(EndDay, plan.AgreedOn);
        Assert.Equal(D(2027, 12, 14), plan.HorizonEndsOn);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Null(plan.SharedWithFamilyOn);

        var v2 = plan.Versions[^1];
        Assert.Equal(2, v2.Number);
        Assert.Equal(Reason, v2.ChangeReason);
        Assert.Equal(D(2026, 12, 10), v2.CourtAgreedOn);
        Assert.Equal("Order of HHJ Patel, para 4", v2.CourtReference);
        Assert.Equal("tm-1", v2.AgreedById);
        Assert.Equal("Priya Shah", v2.AgreedByName);
        Assert.Equal(Manager.At, v2.AgreedAt);
        Assert.Contains("\"EndedOn\":\"2026-12-14\"", v2.Snapshot, StringComparison.Ordinal);
        Assert.Contains(Reason, v2.Snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, plan.Versions[0].Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public void Parents_left_without_family_time_keep_the_reason_as_why_they_have_none()
    {
        var (plan, saturdays, _) = Agreed();

        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        Assert.Equal([Mum.Id, Dad.Id], plan.Considerations.Select(c => c.PersonId).Order());
        Assert.All(plan.Considerations, c =>
        {
            Assert.Equal($"Family time ended on 14 December 2026: {Reason}", c.Reason);
            Assert.Equal(Manager.At, c.RecordedAt);
            Assert.Equal("tm-1", c.RecordedById);
            Assert.Equal(plan.Id, c.PlanId);
        });
        Assert.Empty(plan.NotYetConsidered(OnEndDay));
    }

    [Fact]
    public void A_brother_left_without_family_time_keeps_the_reason_too()
    {
        var (plan, _, calls) = Agreed();

        Ok(plan.EndArrangement(calls.Id, OnEndDay, Change(Reason), Manager));

        var why = Assert.Single(plan.Considerations);
        Assert.Equal(Brother.Id, why.PersonId);
        Assert.Empty(plan.NotYetConsidered(OnEndDay));
    }

    [Fact]
    public void A_grandparent_is_not_given_a_reason_when_their_family_time_ends()
    {
        var (plan, _, _) = Agreed();
        var grandma = plan.AddArrangement(VideoCalls(Grandma), OnEndDay, Change("Grandma came forward"), Manager).Added!;

        Ok(plan.EndArrangement(grandma.Id, OnEndDay, Change(Reason), Manager));

        Assert.Empty(plan.Considerations);
        Assert.Empty(plan.NotYetConsidered(OnEndDay));
    }

    [Fact]
    public void A_parent_who_still_has_other_live_family_time_is_not_given_a_reason_until_that_ends_too()
    {
        var (plan, saturdays, _) = Agreed();
        var dadsCalls = plan.AddArrangement(VideoCalls(Dad), OnEndDay, Change("Dad asked for calls"), Manager).Added!;

        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        Assert.Equal(Mum.Id, Assert.Single(plan.Considerations).PersonId);
        Assert.Empty(plan.NotYetConsidered(OnEndDay));

        Ok(plan.EndArrangement(dadsCalls.Id, OnEndDay, Change("Dad has stopped calling"), Manager));

        Assert.Equal([Mum.Id, Dad.Id], plan.Considerations.Select(c => c.PersonId).Order());
        Assert.Equal("Family time ended on 14 December 2026: Dad has stopped calling", plan.Considerations.Single(c => c.PersonId == Dad.Id).Reason);
        Assert.Equal($"Family time ended on 14 December 2026: {Reason}", plan.Considerations.Single(c => c.PersonId == Mum.Id).Reason);
        Assert.Equal(4, plan.AgreedVersion);
    }

    [Fact]
    public void Ended_family_time_does_not_count_as_considering_someone()
    {
        var (plan, saturdays, _) = Agreed();
        // The child's record did not list Dad on the day (say his details were being corrected), so no reason was left for him.
        Ok(plan.EndArrangement(saturdays.Id, Context(people: [Mum, Brother, Grandma], today: EndDay), Change(Reason), Manager));

        Assert.Equal(Mum.Id, Assert.Single(plan.Considerations).PersonId);
        Assert.Equal(Dad.Id, Assert.Single(plan.NotYetConsidered(OnEndDay)).Id);
    }

    [Fact]
    public void A_parent_taken_out_of_their_last_live_family_time_is_given_a_reason_even_if_an_ended_arrangement_named_them()
    {
        var (plan, saturdays, _) = Agreed();
        var calls = plan.AddArrangement(VideoCalls(Dad, Brother), OnEndDay, Change("Dad and Tobi asked for calls together"), Manager).Added!;
        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));
        Assert.Equal(Mum.Id, Assert.Single(plan.Considerations).PersonId);

        Ok(plan.ChangeArrangement(calls.Id, VideoCalls(Brother), OnEndDay, Change("Dad is in hospital"), Manager));

        Assert.Empty(plan.NotYetConsidered(OnEndDay));
        Assert.Equal("Family time ended on 14 December 2026: Dad is in hospital", plan.Considerations.Single(c => c.PersonId == Dad.Id).Reason);
    }

    [Fact]
    public void The_reason_left_for_a_parent_whose_family_time_ended_can_be_reworded()
    {
        var (plan, saturdays, _) = Agreed();
        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        Ok(plan.Consider(Mum.Id, "  Mum has moved to Scotland; letters instead  ", OnEndDay, Manager));

        Assert.Equal("Mum has moved to Scotland; letters instead", plan.Considerations.Single(c => c.PersonId == Mum.Id).Reason);
        Assert.Equal(2, plan.Considerations.Count);
    }

    [Fact]
    public void After_ending_a_parent_may_be_given_family_time_again_and_their_reason_goes()
    {
        var (plan, saturdays, _) = Agreed();
        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        var (added, errors) = plan.AddArrangement(VideoCalls(Mum), OnEndDay, Change("Mum is doing well: calls to start"), Manager);

        Ok(errors);
        Assert.NotNull(added);
        Assert.Equal(Dad.Id, Assert.Single(plan.Considerations).PersonId);
        Assert.Empty(plan.NotYetConsidered(OnEndDay));
    }

    // ---- Sessions ----

    private static FamilyTimeSession Session(Arrangement a, DateOnly date, SessionStatus? recordedAs = null)
    {
        var session = new FamilyTimeSession(a.ChildId, a.Id, new SessionSlot(date, new TimeOnly(10, 0), 90, FamilyCentre, BlueRoom, null), Valid.SocialWorker);
        if (recordedAs is { } status)
        {
            session.MarkRecorded(new DateTime(2026, 12, 12, 16, 0, 0, DateTimeKind.Utc), status);
        }
        return session;
    }

    [Fact]
    public void Ended_family_time_plans_no_more_sessions()
    {
        var (plan, saturdays, _) = Agreed();
        Assert.NotEmpty(SessionPlanner.Plan(saturdays, [], EndDay, BankHolidays.None).Add);
        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        var changes = SessionPlanner.Plan(saturdays, [], EndDay, Holidays((2026, 12, 25, "Christmas Day")));

        Assert.Empty(changes.Add);
        Assert.Empty(changes.Withdraw);
        Assert.Empty(changes.Move);
        Assert.Empty(changes.SkippedHolidays);
    }

    [Fact]
    public void Ending_withdraws_future_sessions_still_as_planned_and_keeps_what_happened_or_was_written_about()
    {
        var (plan, saturdays, _) = Agreed();
        var past = Session(saturdays, D(2026, 12, 12), SessionStatus.TookPlace);
        var overdue = Session(saturdays, D(2026, 12, 5));
        var today = Session(saturdays, EndDay);
        var next = Session(saturdays, D(2026, 12, 19));
        var later = Session(saturdays, D(2027, 1, 2));
        var writtenAbout = Session(saturdays, D(2026, 12, 26), SessionStatus.Planned);
        Ok(plan.EndArrangement(saturdays.Id, OnEndDay, Change(Reason), Manager));

        var changes = SessionPlanner.Plan(saturdays, [past, overdue, today, next, later, writtenAbout], EndDay, BankHolidays.None);

        Assert.Equal([today.Id, next.Id, later.Id], changes.Withdraw.Select(s => s.Id));
        Assert.Empty(changes.Add);
        Assert.Empty(changes.Move);
        Assert.Equal(SessionPlanner.EndedReason, changes.WithdrawReason);
    }
}
