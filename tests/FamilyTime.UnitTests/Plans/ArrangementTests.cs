using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>What an arrangement keeps of its input, and <see cref="Arrangement.ToDetails"/> giving it back.</summary>
public class ArrangementTests
{
    private static readonly ArrangementDetails Full = Arrangement(Mum, Dad) with
    {
        Purposes = Purpose.Attachment | Purpose.Rehabilitation,
        Days = new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Saturday },
        SuggestedActivity = "Baking, then the park",
        SupervisorId = "cw-7",
        InterpreterLanguage = "Yoruba",
        InterpreterForPersonId = Dad.Id,
        Transport = "The carer drives Mara there and back",
        Terms = new AgreementTerms("Healthy snacks", "One small gift", "Board games", "Mum does the bath", "Shouting at the worker"),
        NextReviewOn = D(2027, 2, 1),
        ChildsWishes = "Mara wants to see Mum more",
        Factors = new HashSet<FamilyTime.Domain.Records.DifficultFamilyTimeFactor> { FamilyTime.Domain.Records.DifficultFamilyTimeFactor.SubstanceMisuse, FamilyTime.Domain.Records.DifficultFamilyTimeFactor.RiskToCarersOrChild },
    };

    private static Arrangement Add(ArrangementDetails details, PlanContext? context = null)
    {
        var (added, errors) = Draft().AddArrangement(details, context ?? Context(), null, Worker);
        Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
        return added!;
    }

    private static void AssertSameDetails(ArrangementDetails expected, ArrangementDetails actual)
    {
        Assert.Equal(expected.PersonIds, actual.PersonIds);
        Assert.Equal(expected.Purposes, actual.Purposes);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.ReasonForSupervision, actual.ReasonForSupervision);
        Assert.Equal(expected.Form, actual.Form);
        Assert.Equal(expected.Frequency, actual.Frequency);
        Assert.Equal(expected.Days.Order(), actual.Days.Order());
        Assert.Equal(expected.Factors.Order(), actual.Factors.Order());
        Assert.Equal(expected.FirstDate, actual.FirstDate);
        Assert.Equal(expected.CustomDates, actual.CustomDates);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.DurationMinutes, actual.DurationMinutes);
        Assert.Equal(expected.VenueId, actual.VenueId);
        Assert.Equal(expected.RoomId, actual.RoomId);
        Assert.Equal(expected.JourneyMinutes, actual.JourneyMinutes);
        Assert.Equal(expected.SuggestedActivity, actual.SuggestedActivity);
        Assert.Equal(expected.SupervisorId, actual.SupervisorId);
        Assert.Equal(expected.InterpreterLanguage, actual.InterpreterLanguage);
        Assert.Equal(expected.Transport, actual.Transport);
        Assert.Equal(expected.Terms, actual.Terms);
        Assert.Equal(expected.ReviewEveryMonths, actual.ReviewEveryMonths);
        Assert.Equal(expected.NextReviewOn, actual.NextReviewOn);
        Assert.Equal(expected.ChildsWishes, actual.ChildsWishes);
        Assert.Equal(expected.WishesNotAsked, actual.WishesNotAsked);
        Assert.Equal(expected.WishesNotAskedWhy, actual.WishesNotAskedWhy);
        Assert.Equal(expected.RouteToLessSupervision, actual.RouteToLessSupervision);
        Assert.Equal(expected.RouteToLessSupervisionBy, actual.RouteToLessSupervisionBy);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.PlaceDescription, actual.PlaceDescription);
        Assert.Equal(expected.SupervisedBy, actual.SupervisedBy);
        Assert.Equal(expected.SupervisorName, actual.SupervisorName);
        Assert.Equal(expected.InterpreterForPersonId, actual.InterpreterForPersonId);
    }

    [Fact]
    public void ToDetails_gives_back_every_field_of_a_full_arrangement() =>
        AssertSameDetails(Full, Add(Full).ToDetails());

    [Fact]
    public void Saving_ToDetails_again_changes_nothing()
    {
        var plan = Draft();
        var arrangement = plan.AddArrangement(Full, Context(), null, Worker).Added!;
        var before = arrangement.ToDetails();

        Assert.True(plan.ChangeArrangement(arrangement.Id, before, Context(today: D(2027, 1, 15)), null, Worker).IsValid);

        AssertSameDetails(before, arrangement.ToDetails());
    }

    [Fact]
    public void The_days_are_kept_as_a_set_of_weekdays()
    {
        var arrangement = Add(Full with { Days = new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Saturday, DayOfWeek.Monday } });

        Assert.Equal(1 << 0 | 1 << 1 | 1 << 6, arrangement.DaysMask);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday], arrangement.Days.Order());
    }

    [Fact]
    public void The_schedule_is_the_arrangement_s_pattern()
    {
        var schedule = Add(Full).Schedule;

        Assert.NotNull(schedule);
        Assert.Equal(FrequencyKind.Weekly, schedule.Kind);
        Assert.Equal(FirstSaturday, schedule.FirstDate);
        Assert.Equal(new TimeOnly(10, 0), schedule.StartTime);
        Assert.Equal(90, schedule.DurationMinutes);
        Assert.Equal("Every week on Tuesday and Saturday, 10:00 to 11:30", schedule.Describe());
    }

    [Fact]
    public void Text_is_trimmed_and_blank_text_is_kept_as_nothing()
    {
        var arrangement = Add(Full with
        {
            ReasonForSupervision = "  Risk of threats  ",
            SuggestedActivity = "   ",
            SupervisorId = " cw-7 ",
            InterpreterLanguage = "",
            Transport = "  Taxi ",
            Terms = new AgreementTerms(" Fruit ", " ", null, "  Mum  ", ""),
            ChildsWishes = " ",
            WishesNotAsked = WishesNotAsked.Declined,
        });

        Assert.Equal("Risk of threats", arrangement.ReasonForSupervision);
        Assert.Null(arrangement.SuggestedActivity);
        Assert.Equal("cw-7", arrangement.SupervisorId);
        Assert.Null(arrangement.InterpreterLanguage);
        Assert.Equal("Taxi", arrangement.Transport);
        Assert.Equal(new AgreementTerms("Fruit", null, null, "Mum", null), arrangement.Terms);
        Assert.Null(arrangement.ChildsWishes);
        Assert.Equal(WishesNotAsked.Declined, arrangement.WishesNotAsked);
    }

    [Fact]
    public void A_person_chosen_twice_is_kept_once() =>
        Assert.Equal([Mum.Id, Dad.Id], Add(Full with { PersonIds = [Mum.Id, Dad.Id, Mum.Id] }).PersonIds);

    [Fact]
    public void An_unknown_day_is_refused_rather_than_stored_as_another_day()
    {
        // 1 << 32 wraps to 1 << 0: unchecked, (DayOfWeek)32 would be kept as Sunday.
        var plan = Draft();

        var (added, errors) = plan.AddArrangement(Full with { Days = new HashSet<DayOfWeek> { (DayOfWeek)32 } }, Context(), null, Worker);

        Assert.Null(added);
        Assert.Equal(["Days"], Fields(errors));
        Assert.Empty(plan.Arrangements);
    }

    [Fact]
    public void Family_time_that_is_not_face_to_face_keeps_no_schedule_venue_or_journey()
    {
        var arrangement = Add(Full with { Form = FamilyTimeForm.Phone });

        Assert.Equal(FamilyTimeForm.Phone, arrangement.Form);
        Assert.Null(arrangement.Frequency);
        Assert.Equal(0, arrangement.DaysMask);
        Assert.Empty(arrangement.Days);
        Assert.Null(arrangement.FirstDate);
        Assert.Empty(arrangement.CustomDates);
        Assert.Null(arrangement.StartTime);
        Assert.Null(arrangement.DurationMinutes);
        Assert.Null(arrangement.VenueId);
        Assert.Null(arrangement.RoomId);
        Assert.Null(arrangement.JourneyMinutes);
        Assert.Null(arrangement.Schedule);
        Assert.Equal("Yoruba", arrangement.InterpreterLanguage);
    }

    [Fact]
    public void Unsupervised_family_time_keeps_no_supervisor_or_supervision_reason()
    {
        var arrangement = Add(Full with { Type = ArrangementType.Unsupervised });

        Assert.Null(arrangement.SupervisorId);
        Assert.Null(arrangement.ReasonForSupervision);
    }

    [Fact]
    public void Facilitated_family_time_keeps_its_worker_but_no_supervision_reason()
    {
        var arrangement = Add(Full with { Type = ArrangementType.Facilitated });

        Assert.Equal("cw-7", arrangement.SupervisorId);
        Assert.Null(arrangement.ReasonForSupervision);
    }

    [Fact]
    public void Monthly_keeps_no_days_it_follows_the_first_date()
    {
        var arrangement = Add(Full with { Frequency = FrequencyKind.Monthly });

        Assert.Equal(0, arrangement.DaysMask);
        Assert.Equal("Once a month, on the fourth Saturday of the month, 10:00 to 11:30", arrangement.Schedule!.Describe());
    }

    [Fact]
    public void Custom_dates_are_kept_once_each_in_order_and_the_earliest_is_the_first_date()
    {
        var arrangement = Add(Full with
        {
            Frequency = FrequencyKind.CustomDates,
            FirstDate = D(2027, 6, 1),
            CustomDates = [D(2027, 2, 14), D(2026, 12, 20), D(2027, 1, 10), D(2026, 12, 20)],
        });

        Assert.Equal([D(2026, 12, 20), D(2027, 1, 10), D(2027, 2, 14)], arrangement.CustomDates);
        Assert.Equal(D(2026, 12, 20), arrangement.FirstDate);
        Assert.Equal(0, arrangement.DaysMask);
        Assert.Equal("On 3 set dates, 10:00 to 11:30", arrangement.Schedule!.Describe());
        Assert.Equal(D(2026, 12, 20), arrangement.ToDetails().FirstDate);
    }

    [Fact]
    public void The_next_review_is_counted_from_the_first_session_when_it_is_ahead()
    {
        // First session Saturday 28 November 2026, reviewed every 3 months.
        Assert.Equal(D(2027, 2, 28), Add(Full with { NextReviewOn = null }).NextReviewOn);
    }

    [Fact]
    public void The_next_review_is_counted_from_today_when_the_first_session_has_passed()
    {
        Assert.Equal(D(2027, 2, 23), Add(Full with { NextReviewOn = null, FirstDate = D(2026, 11, 21) }).NextReviewOn);
        Assert.Equal(D(2027, 5, 23), Add(VideoCalls()).NextReviewOn);
    }

    [Fact]
    public void A_chosen_next_review_date_is_kept() =>
        Assert.Equal(D(2027, 2, 1), Add(Full).NextReviewOn);
}
