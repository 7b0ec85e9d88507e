using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Changes;

/// <summary>How often, where, how supervised and who takes part are major; time, activity, transport and terms are not.</summary>
public class MajorChangesTests
{
    private static readonly ArrangementDetails Before = Arrangement(Mum, Dad) with { SupervisorId = "cw-7" };

    private static ArrangementDetails Fortnightly => Before with { Frequency = FrequencyKind.Fortnightly };

    private static ArrangementDetails Monthly => Before with { Frequency = FrequencyKind.Monthly, Days = new HashSet<DayOfWeek>() };

    private static ArrangementDetails OnDates(params DateOnly[] dates) =>
        Before with { Frequency = FrequencyKind.CustomDates, Days = new HashSet<DayOfWeek>(), CustomDates = dates };

    [Fact]
    public void The_same_arrangement_is_no_change() =>
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Before, Before with { Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday } }));

    [Fact]
    public void How_often_is_a_change_of_frequency()
    {
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(Before, Fortnightly));
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(Fortnightly, Before));
    }

    [Fact]
    public void Different_days_are_a_change_of_frequency()
    {
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(Before, Before with { Days = new HashSet<DayOfWeek> { DayOfWeek.Sunday } }));
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(Before, Before with { Days = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Wednesday } }));
    }

    [Fact]
    public void Different_chosen_dates_are_a_change_of_frequency_whatever_their_order()
    {
        var before = OnDates(D(2026, 12, 5), D(2026, 12, 19));
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(before, OnDates(D(2026, 12, 19), D(2026, 12, 5))));
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(before, OnDates(D(2026, 12, 5), D(2026, 12, 26))));
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(before, OnDates(D(2026, 12, 5))));
    }

    [Fact]
    public void Changing_the_form_of_family_time_is_a_change_of_frequency()
    {
        var phone = Before with { Form = FamilyTimeForm.Phone };
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(Before, phone));
    }

    [Fact]
    public void Moving_the_first_date_of_weekly_family_time_is_not_major() =>
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Before, Before with { FirstDate = D(2026, 12, 5) }));

    [Fact]
    public void Moving_fortnightly_family_time_by_a_week_on_the_same_day_is_not_major() =>
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Fortnightly, Fortnightly with { FirstDate = D(2026, 12, 5) }));

    [Fact]
    public void Moving_monthly_family_time_to_another_weekday_is_a_change_of_frequency()
    {
        Assert.Equal(ChangeKinds.Frequency, MajorChanges.Between(Monthly, Monthly with { FirstDate = D(2026, 12, 1) }));
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Monthly, Monthly with { FirstDate = D(2026, 12, 5) }));
    }

    [Fact]
    public void Another_venue_or_another_room_is_a_change_of_venue()
    {
        Assert.Equal(ChangeKinds.Venue, MajorChanges.Between(Before, Before with { RoomId = GreenRoom }));
        Assert.Equal(ChangeKinds.Venue, MajorChanges.Between(Before, Before with { VenueId = ChildrensCentre, RoomId = Hall }));
    }

    [Theory]
    [InlineData(ArrangementType.Unsupervised)]
    [InlineData(ArrangementType.Assessed)]
    public void Another_kind_of_supervision_is_a_change_of_supervision(ArrangementType type) =>
        Assert.Equal(ChangeKinds.Supervision, MajorChanges.Between(Before, Before with { Type = type }));

    [Fact]
    public void Taking_someone_out_is_major_and_counted_as_who_takes_part()
    {
        Assert.Equal(ChangeKinds.Other, MajorChanges.Between(Before, Before with { PersonIds = [Mum.Id] }));
        Assert.Equal(ChangeKinds.Other, MajorChanges.Between(Before, Before with { PersonIds = [Mum.Id, Brother.Id] }));
    }

    [Fact]
    public void Adding_someone_or_reordering_people_is_not_major()
    {
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Before, Before with { PersonIds = [Mum.Id, Dad.Id, Brother.Id] }));
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Before, Before with { PersonIds = [Dad.Id, Mum.Id] }));
    }

    private static ArrangementDetails MinorChange(string what) => what switch
    {
        "time" => Before with { StartTime = new TimeOnly(14, 0) },
        "longer sessions" => Before with { DurationMinutes = 120 },
        "activity" => Before with { SuggestedActivity = "Baking at the family centre" },
        "transport" => Before with { Transport = "Carer drives Mara there and back" },
        "terms" => Before with { Terms = new AgreementTerms("No sweets before lunch", "One small gift", null, "Mum changes nappies", "Shouting ends the session") },
        "supervisor" => Before with { SupervisorId = "cw-9" },
        "reason for supervision" => Before with { ReasonForSupervision = "Another reason" },
        "interpreter" => Before with { InterpreterLanguage = "Yoruba" },
        "journey" => Before with { JourneyMinutes = 45 },
        "review" => Before with { ReviewEveryMonths = 6, NextReviewOn = D(2027, 5, 23) },
        "wishes" => Before with { ChildsWishes = "Mara wants to bring her rabbit" },
        "purposes" => Before with { Purposes = Purpose.Identity },
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [InlineData("time")]
    [InlineData("longer sessions")]
    [InlineData("activity")]
    [InlineData("transport")]
    [InlineData("terms")]
    [InlineData("supervisor")]
    [InlineData("reason for supervision")]
    [InlineData("interpreter")]
    [InlineData("journey")]
    [InlineData("review")]
    [InlineData("wishes")]
    [InlineData("purposes")]
    public void A_change_of_detail_is_not_major(string what)
    {
        var after = MinorChange(what);
        Assert.NotEqual(Before, after);
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(Before, after));
    }

    [Fact]
    public void Several_major_changes_at_once_are_all_named()
    {
        var after = Fortnightly with { VenueId = ChildrensCentre, RoomId = Hall, Type = ArrangementType.Unsupervised, PersonIds = [Mum.Id], StartTime = new TimeOnly(9, 0) };
        Assert.Equal(ChangeKinds.Frequency | ChangeKinds.Venue | ChangeKinds.Supervision | ChangeKinds.Other, MajorChanges.Between(Before, after));
    }

    [Fact]
    public void Between_never_calls_a_change_an_ending() =>
        Assert.False(MajorChanges.Between(Before, VideoCalls(Brother)).HasFlag(ChangeKinds.Ending));

    [Fact]
    public void Between_needs_both_arrangements()
    {
        Assert.Throws<ArgumentNullException>(() => MajorChanges.Between(null!, Before));
        Assert.Throws<ArgumentNullException>(() => MajorChanges.Between(Before, null!));
    }

    [Theory]
    [InlineData(ChangeKinds.None, "nothing major")]
    [InlineData(ChangeKinds.Ending, "ending this family time")]
    [InlineData(ChangeKinds.Frequency, "how often it happens")]
    [InlineData(ChangeKinds.Venue, "where it happens")]
    [InlineData(ChangeKinds.Supervision, "how it is supervised")]
    [InlineData(ChangeKinds.Other, "who takes part")]
    [InlineData(ChangeKinds.Venue | ChangeKinds.Frequency, "how often it happens and where it happens")]
    [InlineData(ChangeKinds.Other | ChangeKinds.Supervision | ChangeKinds.Frequency, "how often it happens, how it is supervised and who takes part")]
    [InlineData(ChangeKinds.Ending | ChangeKinds.Frequency | ChangeKinds.Venue | ChangeKinds.Supervision | ChangeKinds.Other,
        "ending this family time, how often it happens, where it happens, how it is supervised and who takes part")]
    public void Describe_names_the_kinds_in_words_joined_with_and(ChangeKinds kinds, string words) =>
        Assert.Equal(words, MajorChanges.Describe(kinds));
}
