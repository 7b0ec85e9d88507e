using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class ArrangementDetailsValidationTests
{
    private static string[] Problems(ArrangementDetails details, PlanContext? context = null) =>
        Fields(details.Validate(context ?? Context()));

    private static void Accepted(ArrangementDetails details, PlanContext? context = null)
    {
        var errors = details.Validate(context ?? Context());
        Assert.True(errors.IsValid, string.Join("; ", errors.ByField.SelectMany(e => e.Key + ": " + string.Join(", ", e.Value))));
    }

    private static void RefusedOnly(string field, ArrangementDetails details, PlanContext? context = null) =>
        Assert.Equal([field], Problems(details, context));

    [Fact]
    public void The_valid_arrangement_is_valid() => Accepted(Arrangement());

    [Fact]
    public void Video_calls_need_no_schedule_venue_or_room() => Accepted(VideoCalls());

    [Theory]
    [InlineData(FamilyTimeForm.Phone)]
    [InlineData(FamilyTimeForm.VideoCall)]
    [InlineData(FamilyTimeForm.Text)]
    [InlineData(FamilyTimeForm.Letter)]
    [InlineData(FamilyTimeForm.SocialMedia)]
    public void Only_face_to_face_checks_the_schedule_and_room(FamilyTimeForm form) =>
        Accepted(Arrangement() with { Form = form, Frequency = null, FirstDate = null, StartTime = null, DurationMinutes = 14, VenueId = null, RoomId = null, JourneyMinutes = -5 });

    [Fact]
    public void Validate_needs_a_context() =>
        Assert.Throws<ArgumentNullException>(() => Arrangement().Validate(null!));

    // ---- Legal status ----

    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, "special guardianship order")]
    [InlineData(LegalStatus.ChildArrangementsOrder, "child arrangements order")]
    [InlineData(LegalStatus.LeftCare, "has left care")]
    public void Nothing_is_arranged_outside_the_authority_and_only_that_is_said(LegalStatus status, string words)
    {
        // Even broken input gets the one message: there is nothing to fix in the form.
        var errors = (Arrangement() with { PersonIds = [], Type = null }).Validate(Context(status));

        var message = Assert.Single(Assert.Single(errors.ByField, e => e.Key == "").Value);
        Assert.Single(errors.ByField);
        Assert.Contains(words, message, StringComparison.Ordinal);
        Assert.StartsWith("Mara ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder)]
    [InlineData(LegalStatus.CareOrder)]
    [InlineData(LegalStatus.PlacementOrder)]
    public void Supervised_family_time_is_fine_in_care(LegalStatus status) =>
        Accepted(Arrangement(), Context(status, inProceedings: status == LegalStatus.InterimCareOrder));

    [Theory]
    [InlineData(ArrangementType.Supervised)]
    [InlineData(ArrangementType.Assessed)]
    public void Section_20_refuses_supervised_or_assessed_without_an_exception(ArrangementType type)
    {
        var errors = (Arrangement() with { Type = type }).Validate(Context(LegalStatus.Section20));

        Assert.Equal(["Type"], Fields(errors));
        var message = Assert.Single(errors.ByField["Type"]);
        Assert.Contains("section 20", message, StringComparison.Ordinal);
        Assert.Contains(type.ToString().ToLowerInvariant(), message, StringComparison.Ordinal);
        Assert.Contains("head of service", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArrangementType.Supervised)]
    [InlineData(ArrangementType.Assessed)]
    public void Section_20_allows_supervised_or_assessed_with_a_head_of_service_exception(ArrangementType type) =>
        Accepted(Arrangement() with { Type = type }, Context(LegalStatus.Section20, exception: true));

    [Theory]
    [InlineData(ArrangementType.Facilitated)]
    [InlineData(ArrangementType.Unsupervised)]
    public void Section_20_allows_facilitated_or_unsupervised(ArrangementType type) =>
        Accepted(Arrangement() with { Type = type, ReasonForSupervision = null }, Context(LegalStatus.Section20));

    // ---- People ----

    [Fact]
    public void Someone_must_be_chosen() => RefusedOnly("PersonIds", Arrangement() with { PersonIds = [] });

    [Fact]
    public void People_not_on_the_child_s_record_are_refused()
    {
        var errors = (Arrangement() with { PersonIds = [Mum.Id, Stranger] }).Validate(Context());

        Assert.Equal(["PersonIds"], Fields(errors));
        Assert.Contains("child's record", Assert.Single(errors.ByField["PersonIds"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_removed_from_the_record_is_refused() =>
        RefusedOnly("PersonIds", Arrangement(Mum, Dad), Context(people: [Mum, Brother]));

    [Fact]
    public void A_group_of_people_on_the_record_is_fine() => Accepted(Arrangement(Mum, Dad, Brother, Grandma));

    // ---- Purposes ----

    [Theory]
    [InlineData(0)]
    [InlineData(128)]
    [InlineData(1 | 128)]
    [InlineData(256)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void No_purpose_or_unknown_purpose_bits_are_refused(int purposes) =>
        RefusedOnly("Purposes", Arrangement() with { Purposes = (Purpose)purposes });

    [Theory]
    [InlineData(Purpose.Attachment)]
    [InlineData(Purpose.CourtOrder)]
    [InlineData((Purpose)127)]
    public void Any_known_purposes_are_fine(Purpose purposes) => Accepted(Arrangement() with { Purposes = purposes });

    // ---- Type and supervision reason ----

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(99)]
    [InlineData(-1)]
    public void A_missing_or_unknown_type_is_refused(int? type) =>
        RefusedOnly("Type", Arrangement() with { Type = (ArrangementType?)type });

    [Theory]
    [InlineData(ArrangementType.Supervised, null)]
    [InlineData(ArrangementType.Assessed, "   ")]
    public void Supervised_or_assessed_needs_the_reason_the_parent_is_told(ArrangementType type, string? reason)
    {
        var errors = (Arrangement() with { Type = type, ReasonForSupervision = reason }).Validate(Context());

        Assert.Equal(["ReasonForSupervision"], Fields(errors));
        Assert.Contains($"family time is {type.ToString().ToLowerInvariant()}", Assert.Single(errors.ByField["ReasonForSupervision"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArrangementType.Facilitated)]
    [InlineData(ArrangementType.Unsupervised)]
    public void Facilitated_or_unsupervised_needs_no_reason(ArrangementType type) =>
        Accepted(Arrangement() with { Type = type, ReasonForSupervision = null });

    // ---- Form and frequency ----

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(99)]
    public void A_missing_or_unknown_form_is_refused(int? form) =>
        Assert.Contains("Form", Problems(Arrangement() with { Form = (FamilyTimeForm?)form }));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(99)]
    public void Face_to_face_needs_a_known_frequency(int? frequency) =>
        RefusedOnly("Frequency", Arrangement() with { Frequency = (FrequencyKind?)frequency });

    [Theory]
    [InlineData(FrequencyKind.Weekly)]
    [InlineData(FrequencyKind.Fortnightly)]
    public void Weekly_or_fortnightly_needs_a_day(FrequencyKind kind) =>
        RefusedOnly("Days", Arrangement() with { Frequency = kind, Days = new HashSet<DayOfWeek>() });

    [Fact]
    public void Monthly_needs_no_days_it_takes_the_first_date_s_weekday() =>
        Accepted(Arrangement() with { Frequency = FrequencyKind.Monthly, Days = new HashSet<DayOfWeek>() });

    [Theory]
    [InlineData(7)]
    [InlineData(32)]
    [InlineData(-1)]
    public void An_unknown_day_of_the_week_is_refused(int day) =>
        RefusedOnly("Days", Arrangement() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday, (DayOfWeek)day } });

    // ---- First date and custom dates ----

    [Fact]
    public void The_first_date_is_needed() => RefusedOnly("FirstDate", Arrangement() with { FirstDate = null });

    [Fact]
    public void The_first_date_may_be_the_day_the_child_came_into_care_but_not_before()
    {
        Accepted(Arrangement() with { FirstDate = CameIntoCare });
        RefusedOnly("FirstDate", Arrangement() with { FirstDate = CameIntoCare.AddDays(-1) });
    }

    [Fact]
    public void The_first_date_is_within_the_next_12_months()
    {
        Accepted(Arrangement() with { FirstDate = Today.AddYears(1) });
        RefusedOnly("FirstDate", Arrangement() with { FirstDate = Today.AddYears(1).AddDays(1) });
    }

    [Fact]
    public void Custom_dates_need_at_least_one_date() =>
        RefusedOnly("CustomDates", Arrangement() with { Frequency = FrequencyKind.CustomDates, CustomDates = [] });

    [Fact]
    public void Custom_dates_out_of_order_and_duplicated_are_fine_and_need_no_first_date() =>
        Accepted(Arrangement() with
        {
            Frequency = FrequencyKind.CustomDates,
            FirstDate = null,
            Days = new HashSet<DayOfWeek>(),
            CustomDates = [D(2027, 2, 14), D(2026, 12, 20), D(2026, 12, 20)],
        });

    [Fact]
    public void Custom_dates_before_the_child_came_into_care_are_refused()
    {
        var errors = (Arrangement() with { Frequency = FrequencyKind.CustomDates, CustomDates = [D(2026, 12, 20), CameIntoCare.AddDays(-1)] }).Validate(Context());

        Assert.Equal(["CustomDates"], Fields(errors));
        Assert.Contains("2 March 2026", Assert.Single(errors.ByField["CustomDates"]), StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_400_custom_dates()
    {
        var dates = Enumerable.Range(0, 401).Select(i => Today.AddDays(i)).ToList();
        Accepted(Arrangement() with { Frequency = FrequencyKind.CustomDates, CustomDates = dates.Take(400).ToList() });
        RefusedOnly("CustomDates", Arrangement() with { Frequency = FrequencyKind.CustomDates, CustomDates = dates });
    }

    // ---- Time and duration ----

    [Fact]
    public void The_start_time_is_needed() => RefusedOnly("StartTime", Arrangement() with { StartTime = null });

    [Theory]
    [InlineData(15)]
    [InlineData(480)]
    public void Sessions_of_15_minutes_to_8_hours_are_fine(int minutes) => Accepted(Arrangement() with { DurationMinutes = minutes });

    [Theory]
    [InlineData(null)]
    [InlineData(14)]
    [InlineData(481)]
    [InlineData(0)]
    [InlineData(-30)]
    public void Other_durations_are_refused(int? minutes) =>
        RefusedOnly("DurationMinutes", Arrangement() with { DurationMinutes = minutes });

    [Theory]
    [InlineData(23, 0, 90)]
    [InlineData(23, 50, 15)]
    [InlineData(20, 0, 480)]
    public void A_session_ending_after_midnight_is_refused(int hour, int minute, int minutes)
    {
        var errors = (Arrangement() with { StartTime = new TimeOnly(hour, minute), DurationMinutes = minutes }).Validate(Context());

        Assert.Equal(["DurationMinutes"], Fields(errors));
        Assert.Equal("A session must end on the day it starts", Assert.Single(errors.ByField["DurationMinutes"]));
    }

    [Fact]
    public void A_late_session_ending_before_midnight_is_fine() =>
        Accepted(Arrangement() with { StartTime = new TimeOnly(22, 0), DurationMinutes = 119 });

    // ---- Venue, room and journey ----

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Face_to_face_needs_a_venue_and_a_room(bool noVenue, bool noRoom) =>
        RefusedOnly("RoomId", Arrangement() with { VenueId = noVenue ? null : FamilyCentre, RoomId = noRoom ? null : BlueRoom });

    [Fact]
    public void A_room_not_on_offer_is_refused()
    {
        var errors = (Arrangement() with { RoomId = Guid.Parse("c0000000-0000-0000-0000-0000000000ff") }).Validate(Context());

        Assert.Equal(["RoomId"], Fields(errors));
        Assert.Contains("not available", Assert.Single(errors.ByField["RoomId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_room_of_another_venue_is_refused() =>
        RefusedOnly("RoomId", Arrangement() with { VenueId = FamilyCentre, RoomId = Hall });

    [Fact]
    public void Any_room_on_offer_is_fine()
    {
        Accepted(Arrangement() with { VenueId = FamilyCentre, RoomId = GreenRoom });
        Accepted(Arrangement() with { VenueId = ChildrensCentre, RoomId = Hall });
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(600)]
    public void A_journey_of_0_to_600_minutes_or_none_recorded_is_fine(int? minutes) =>
        Accepted(Arrangement() with { JourneyMinutes = minutes });

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void Other_journeys_are_refused(int minutes) =>
        RefusedOnly("JourneyMinutes", Arrangement() with { JourneyMinutes = minutes });

    // ---- Review ----

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    public void The_review_choices_are_fine(int months) => Accepted(Arrangement() with { ReviewEveryMonths = months });

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(24)]
    [InlineData(-3)]
    public void Other_review_intervals_are_refused(int? months) =>
        RefusedOnly("ReviewEveryMonths", Arrangement() with { ReviewEveryMonths = months });

    [Fact]
    public void The_next_review_may_be_today_but_not_before()
    {
        Accepted(Arrangement() with { NextReviewOn = Today });
        RefusedOnly("NextReviewOn", Arrangement() with { NextReviewOn = Today.AddDays(-1) });
    }

    // ---- Lengths ----

    public static TheoryData<string, int> Limits() => new()
    {
        { "ReasonForSupervision", 2000 },
        { "SuggestedActivity", 2000 },
        { "InterpreterLanguage", 60 },
        { "Transport", 500 },
        { "ChildsWishes", 2000 },
        { "Food", 2000 },
        { "Gifts", 2000 },
        { "Activities", 2000 },
        { "WhoParents", 2000 },
        { "WhatEndsSession", 2000 },
    };

    private static ArrangementDetails WithText(string field, string text) => field switch
    {
        "ReasonForSupervision" => Arrangement() with { ReasonForSupervision = text },
        "SuggestedActivity" => Arrangement() with { SuggestedActivity = text },
        "InterpreterLanguage" => Arrangement() with { InterpreterLanguage = text, InterpreterForPersonId = Mum.Id },
        "Transport" => Arrangement() with { Transport = text },
        "ChildsWishes" => Arrangement() with { ChildsWishes = text },
        "Food" => Arrangement() with { Terms = AgreementTerms.Empty with { Food = text } },
        "Gifts" => Arrangement() with { Terms = AgreementTerms.Empty with { Gifts = text } },
        "Activities" => Arrangement() with { Terms = AgreementTerms.Empty with { Activities = text } },
        "WhoParents" => Arrangement() with { Terms = AgreementTerms.Empty with { WhoParents = text } },
        "WhatEndsSession" => Arrangement() with { Terms = AgreementTerms.Empty with { WhatEndsSession = text } },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Text_up_to_the_limit_is_fine_without_counting_surrounding_spaces(string field, int max) =>
        Accepted(WithText(field, "  " + Valid.Text(max) + "  "));

    [Theory]
    [MemberData(nameof(Limits))]
    public void Text_over_the_limit_is_refused(string field, int max)
    {
        var errors = WithText(field, Valid.Text(max + 1)).Validate(Context());

        Assert.Equal([field], Fields(errors));
        Assert.EndsWith($"must be {max} characters or fewer", Assert.Single(errors.ByField[field]), StringComparison.Ordinal);
    }

    // ---- Everything at once ----

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var details = new ArrangementDetails
        {
            PersonIds = [Stranger],
            Purposes = Purpose.None,
            Type = ArrangementType.Assessed,
            Form = FamilyTimeForm.FaceToFace,
            Frequency = FrequencyKind.Fortnightly,
            FirstDate = CameIntoCare.AddDays(-1),
            DurationMinutes = 481,
            VenueId = FamilyCentre,
            RoomId = Hall,
            JourneyMinutes = 601,
            ReviewEveryMonths = 5,
            NextReviewOn = Today.AddDays(-1),
            Transport = Valid.Text(501),
        };

        Assert.Equal(
            ["ChildsWishes", "Days", "DurationMinutes", "FirstDate", "JourneyMinutes", "NextReviewOn", "PersonIds", "Purposes", "ReasonForSupervision", "ReviewEveryMonths", "RoomId",
                "RouteToLessSupervision", "RouteToLessSupervisionBy", "StartTime", "SupervisorId", "Transport"],
            Problems(details));
    }
}
