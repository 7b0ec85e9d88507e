using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>After agreement every change is itself agreed: a reason, the court's agreement in proceedings, a new version.</summary>
public class ContactPlanChangeTests
{
    private static readonly DateOnly ChangeDay = D(2026, 12, 14);
    private static readonly Signature Manager = new("tm-1", "Priya Shah", new DateTime(2026, 12, 14, 9, 15, 0, DateTimeKind.Utc));

    private static ArrangementDetails Sundays => Arrangement(Mum, Dad) with
    {
        Days = new HashSet<DayOfWeek> { DayOfWeek.Sunday },
        FirstDate = D(2026, 12, 20),
        StartTime = new TimeOnly(14, 0),
        DurationMinutes = 60,
    };

    [Fact]
    public void A_change_after_agreement_needs_a_reason_and_changes_nothing_without_one()
    {
        var (plan, saturdays, _) = Agreed();

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, Context(today: ChangeDay), null, Manager);

        Assert.Equal(["Reason"], Fields(errors));
        Assert.Equal(DayOfWeek.Saturday, Assert.Single(saturdays.Days));
        Assert.Equal(1, plan.AgreedVersion);
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Taking_a_parent_out_of_agreed_family_time_keeps_the_reason_as_why_they_have_none()
    {
        var (plan, saturdays, _) = Agreed();
        var context = Context(today: ChangeDay);

        var errors = plan.ChangeArrangement(saturdays.Id, Arrangement(Mum), context, Change("Dad has asked for a break while he is in hospital"), Manager);

        Assert.True(errors.IsValid);
        Assert.DoesNotContain(Dad.Id, saturdays.PersonIds);
        Assert.Empty(plan.NotYetConsidered(context));
        var why = Assert.Single(plan.Considerations, c => c.PersonId == Dad.Id);
        Assert.Equal("Family time ended on 14 December 2026: Dad has asked for a break while he is in hospital", why.Reason);
    }

    [Fact]
    public void A_change_with_its_reason_is_agreed_as_the_next_version()
    {
        var (plan, saturdays, _) = Agreed();

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, Context(today: ChangeDay), Change("  Mum now works on Saturdays  "), Manager);

        Assert.True(errors.IsValid);
        Assert.Equal(DayOfWeek.Sunday, Assert.Single(saturdays.Days));
        Assert.Equal(2, plan.AgreedVersion);
        Assert.Equal(ChangeDay, plan.AgreedOn);
        Assert.Equal(D(2027, 12, 14), plan.HorizonEndsOn);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal([1, 2], plan.Versions.Select(v => v.Number));
        var v2 = plan.Versions[1];
        Assert.Equal("Mum now works on Saturdays", v2.ChangeReason);
        Assert.Equal(Manager.At, v2.AgreedAt);
        Assert.Equal("tm-1", v2.AgreedById);
        Assert.Equal("Priya Shah", v2.AgreedByName);
        Assert.Null(v2.CourtAgreedOn);
        Assert.Null(v2.CourtReference);
    }

    [Fact]
    public void Each_version_keeps_what_the_arrangements_said_when_it_was_agreed()
    {
        var (plan, saturdays, _) = Agreed();

        plan.ChangeArrangement(saturdays.Id, Sundays, Context(today: ChangeDay), Change(), Manager);

        Assert.Contains("Every week on Saturday, 10:00 to 11:30", plan.Versions[0].Snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunday", plan.Versions[0].Snapshot, StringComparison.Ordinal);
        Assert.Contains("Every week on Sunday, 14:00 to 15:00", plan.Versions[1].Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_arrangement_after_agreement_is_a_change_too()
    {
        var (plan, _, _) = Agreed();

        var (refused, errors) = plan.AddArrangement(Arrangement(Grandma), Context(today: ChangeDay), null, Manager);
        Assert.Null(refused);
        Assert.Equal(["Reason"], Fields(errors));
        Assert.Equal(2, plan.Arrangements.Count);

        var (added, ok) = plan.AddArrangement(Arrangement(Grandma), Context(today: ChangeDay), Change("Grandma has come forward"), Manager);
        Assert.True(ok.IsValid);
        Assert.NotNull(added);
        Assert.Equal(3, plan.Arrangements.Count);
        Assert.Equal(2, plan.AgreedVersion);
        Assert.Equal("Grandma has come forward", plan.Versions[^1].ChangeReason);
    }

    [Fact]
    public void Each_change_is_numbered_in_turn()
    {
        var (plan, saturdays, calls) = Agreed();

        plan.ChangeArrangement(saturdays.Id, Sundays, Context(today: ChangeDay), Change("One"), Manager);
        plan.ChangeArrangement(calls.Id, VideoCalls() with { ReviewEveryMonths = 3 }, Context(today: ChangeDay), Change("Two"), Manager);
        plan.AddArrangement(Arrangement(Grandma), Context(today: ChangeDay), Change("Three"), Manager);

        Assert.Equal([1, 2, 3, 4], plan.Versions.Select(v => v.Number));
        Assert.Equal([null, "One", "Two", "Three"], plan.Versions.Select(v => v.ChangeReason));
        Assert.Equal(4, plan.AgreedVersion);
        Assert.Equal(plan.Versions.Count, plan.Versions.Select(v => v.Id).Distinct().Count());
    }

    [Fact]
    public void Input_problems_and_the_missing_reason_are_reported_together()
    {
        var (plan, saturdays, _) = Agreed();

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays with { DurationMinutes = 14 }, Context(today: ChangeDay), Change(" "), Manager);

        Assert.Equal(["DurationMinutes", "Reason"], Fields(errors));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void In_proceedings_a_change_needs_the_court_s_agreement()
    {
        var inProceedings = Context(LegalStatus.InterimCareOrder, inProceedings: true);
        var (plan, saturdays, _) = Agreed(inProceedings);

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, inProceedings with { Today = ChangeDay }, Change(), Manager);

        Assert.Equal(["CourtAgreedOn", "CourtReference"], Fields(errors));
        Assert.Equal(DayOfWeek.Saturday, Assert.Single(saturdays.Days));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void In_proceedings_a_court_agreement_dated_in_the_future_is_refused()
    {
        var inProceedings = Context(LegalStatus.InterimCareOrder, inProceedings: true);
        var (plan, saturdays, _) = Agreed(inProceedings);

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, inProceedings with { Today = ChangeDay },
            Change(courtOn: ChangeDay.AddDays(1), courtReference: "Order of HHJ Patel"), Manager);

        Assert.Equal(["CourtAgreedOn"], Fields(errors));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void The_court_s_agreement_is_kept_with_the_new_version()
    {
        var inProceedings = Context(LegalStatus.InterimCareOrder, inProceedings: true);
        var (plan, saturdays, _) = Agreed(inProceedings);

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, inProceedings with { Today = ChangeDay },
            Change("Court varied the days", ChangeDay, "  Order of HHJ Patel, 14 December 2026, para 4 "), Manager);

        Assert.True(errors.IsValid);
        var v2 = plan.Versions[^1];
        Assert.Equal(2, v2.Number);
        Assert.Equal("Court varied the days", v2.ChangeReason);
        Assert.Equal(ChangeDay, v2.CourtAgreedOn);
        Assert.Equal("Order of HHJ Patel, 14 December 2026, para 4", v2.CourtReference);
    }

    [Fact]
    public void Proceedings_that_began_after_agreement_apply_to_the_next_change()
    {
        var (plan, saturdays, _) = Agreed();

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, Context(inProceedings: true, today: ChangeDay), Change(), Manager);

        Assert.Equal(["CourtAgreedOn", "CourtReference"], Fields(errors));
    }

    [Fact]
    public void Nothing_changes_once_the_authority_no_longer_arranges_family_time()
    {
        var (plan, saturdays, _) = Agreed();

        var errors = plan.ChangeArrangement(saturdays.Id, Sundays, Context(LegalStatus.SpecialGuardianshipOrder, today: ChangeDay), Change(), Manager);

        Assert.Equal([""], Fields(errors));
        Assert.Equal(DayOfWeek.Saturday, Assert.Single(saturdays.Days));
    }

    [Fact]
    public void A_change_after_sharing_is_agreed_again_and_not_yet_shared()
    {
        var (plan, saturdays, _) = Agreed();
        Assert.True(plan.ShareWithFamily(D(2026, 11, 24)).IsValid);

        plan.ChangeArrangement(saturdays.Id, Sundays, Context(today: ChangeDay), Change(), Manager);

        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Null(plan.SharedWithFamilyOn);
    }

    [Fact]
    public void A_refused_change_after_sharing_leaves_it_shared()
    {
        var (plan, saturdays, _) = Agreed();
        plan.ShareWithFamily(D(2026, 11, 24));

        plan.ChangeArrangement(saturdays.Id, Sundays, Context(today: ChangeDay), null, Manager);

        Assert.Equal(PlanStatus.SharedWithFamily, plan.Status);
        Assert.Equal(D(2026, 11, 24), plan.SharedWithFamilyOn);
    }
}

public class ContactPlanShareAndReviewTests
{
    [Fact]
    public void A_draft_cannot_be_shared()
    {
        var plan = Draft();

        var errors = plan.ShareWithFamily(Today);

        Assert.Equal([""], Fields(errors));
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Null(plan.SharedWithFamilyOn);
    }

    [Fact]
    public void An_agreed_plan_is_shared_on_the_day()
    {
        var (plan, _, _) = Agreed();

        Assert.True(plan.ShareWithFamily(D(2026, 11, 24)).IsValid);

        Assert.Equal(PlanStatus.SharedWithFamily, plan.Status);
        Assert.Equal(D(2026, 11, 24), plan.SharedWithFamilyOn);
        Assert.Equal(1, plan.AgreedVersion);
    }

    [Fact]
    public void The_next_review_is_needed()
    {
        var plan = Draft();
        var before = plan.NextReviewOn;

        Assert.Equal(["NextReviewOn"], Fields(plan.SetNextReview(null, Today)));
        Assert.Equal(before, plan.NextReviewOn);
    }

    [Theory]
    [InlineData(2026, 11, 23)]
    [InlineData(2026, 11, 24)]
    [InlineData(2027, 11, 23)]
    public void The_next_review_is_from_today_to_12_months_ahead(int year, int month, int day)
    {
        var plan = Draft();

        Assert.True(plan.SetNextReview(D(year, month, day), Today).IsValid);
        Assert.Equal(D(year, month, day), plan.NextReviewOn);
    }

    [Theory]
    [InlineData(2026, 11, 22)]
    [InlineData(2027, 11, 24)]
    [InlineData(2030, 1, 1)]
    public void A_next_review_in_the_past_or_over_a_year_away_is_refused(int year, int month, int day)
    {
        var plan = Draft();
        var before = plan.NextReviewOn;

        Assert.Equal(["NextReviewOn"], Fields(plan.SetNextReview(D(year, month, day), Today)));
        Assert.Equal(before, plan.NextReviewOn);
    }
}
