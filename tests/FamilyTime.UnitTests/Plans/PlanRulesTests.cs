using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class PlanRulesArrangingTests
{
    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, "special guardian arranges family time")]
    [InlineData(LegalStatus.ChildArrangementsOrder, "family time follows the order")]
    [InlineData(LegalStatus.LeftCare, "no longer arranges")]
    public void The_authority_does_not_arrange_family_time_under_an_SGO_or_CAO_or_after_care(LegalStatus status, string words)
    {
        var refused = PlanRules.ArrangingRefused(Context(status));

        Assert.NotNull(refused);
        Assert.StartsWith("Mara ", refused, StringComparison.Ordinal);
        Assert.Contains(words, refused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder)]
    [InlineData(LegalStatus.CareOrder)]
    [InlineData(LegalStatus.Section20)]
    [InlineData(LegalStatus.PlacementOrder)]
    public void The_authority_arranges_family_time_for_a_child_in_care(LegalStatus status) =>
        Assert.Null(PlanRules.ArrangingRefused(Context(status)));

    [Fact]
    public void The_child_s_name_is_the_one_in_the_context() =>
        Assert.StartsWith("Amara ", PlanRules.ArrangingRefused(Context(LegalStatus.LeftCare) with { ChildName = "Amara" }), StringComparison.Ordinal);
}

public class PlanRulesSupervisionTests
{
    [Theory]
    [InlineData(ArrangementType.Supervised, false, true)]
    [InlineData(ArrangementType.Assessed, false, true)]
    [InlineData(ArrangementType.Facilitated, false, false)]
    [InlineData(ArrangementType.Unsupervised, false, false)]
    [InlineData(ArrangementType.Supervised, true, false)]
    [InlineData(ArrangementType.Assessed, true, false)]
    [InlineData(ArrangementType.Facilitated, true, false)]
    public void Section_20_refuses_supervision_unless_a_head_of_service_made_an_exception(ArrangementType type, bool exception, bool refused) =>
        Assert.Equal(refused, PlanRules.SupervisionRefused(Context(LegalStatus.Section20, exception: exception), type) is not null);

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder)]
    [InlineData(LegalStatus.CareOrder)]
    [InlineData(LegalStatus.PlacementOrder)]
    public void Care_orders_allow_supervision_without_an_exception(LegalStatus status)
    {
        Assert.Null(PlanRules.SupervisionRefused(Context(status), ArrangementType.Supervised));
        Assert.Null(PlanRules.SupervisionRefused(Context(status), ArrangementType.Assessed));
    }

    [Fact]
    public void The_refusal_says_why_and_what_to_do_instead()
    {
        var message = PlanRules.SupervisionRefused(Context(LegalStatus.Section20), ArrangementType.Assessed);

        Assert.Equal(
            "Mara is accommodated under section 20: the parents keep full parental responsibility, so family time is not assessed. " +
            "Choose facilitated or unsupervised, or ask a head of service to record an exception with the reasons first.",
            message);
    }
}

public class PlanRulesChangeTests
{
    private static string[] Refused(PlanChange change, bool inProceedings = false, DateOnly? today = null) =>
        PlanRules.ChangeRefused(Context(inProceedings: inProceedings, today: today), change).Select(p => p.Field).ToArray();

    [Fact]
    public void Outside_proceedings_a_reason_is_enough() => Assert.Empty(Refused(Change()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_change_needs_its_reason(string? reason) => Assert.Equal(["Reason"], Refused(Change(reason)));

    [Fact]
    public void The_reason_is_at_most_2000_characters_without_surrounding_spaces()
    {
        Assert.Empty(Refused(Change(" " + Valid.Text(2000) + " ")));
        Assert.Equal(["Reason"], Refused(Change(Valid.Text(2001))));
    }

    [Fact]
    public void In_proceedings_the_court_s_date_and_order_are_needed_too()
    {
        var problems = PlanRules.ChangeRefused(Context(inProceedings: true), Change(null)).ToList();

        Assert.Equal(["Reason", "CourtAgreedOn", "CourtReference"], problems.Select(p => p.Field));
        Assert.Contains("family court must agree", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("Mara", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_proceedings_a_court_agreement_today_or_earlier_with_its_reference_is_enough()
    {
        Assert.Empty(Refused(Change(courtOn: Today, courtReference: "Order of HHJ Patel, 20 November 2026, para 4"), inProceedings: true));
        Assert.Empty(Refused(Change(courtOn: D(2026, 6, 1), courtReference: "Direction 3"), inProceedings: true));
    }

    [Fact]
    public void The_court_cannot_have_agreed_in_the_future()
    {
        var problems = PlanRules.ChangeRefused(Context(inProceedings: true), Change(courtOn: Today.AddDays(1), courtReference: "Order 1")).ToList();

        var (field, message) = Assert.Single(problems);
        Assert.Equal("CourtAgreedOn", field);
        Assert.Equal("The date the court agreed the change must be today or earlier", message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void The_court_order_or_direction_is_needed(string? reference) =>
        Assert.Equal(["CourtReference"], Refused(Change(courtOn: Today, courtReference: reference), inProceedings: true));

    [Fact]
    public void The_court_reference_is_at_most_300_characters()
    {
        Assert.Empty(Refused(Change(courtOn: Today, courtReference: Valid.Text(300) + "  "), inProceedings: true));
        Assert.Equal(["CourtReference"], Refused(Change(courtOn: Today, courtReference: Valid.Text(301)), inProceedings: true));
    }

    [Fact]
    public void Court_details_are_not_needed_outside_proceedings_even_when_odd() =>
        Assert.Empty(Refused(Change(courtOn: Today.AddDays(10), courtReference: null)));

    [Fact]
    public void The_context_and_change_are_needed()
    {
        Assert.Throws<ArgumentNullException>(() => PlanRules.ChangeRefused(null!, Change()).ToList());
        Assert.Throws<ArgumentNullException>(() => PlanRules.ChangeRefused(Context(), null!).ToList());
    }
}

public class PlanRulesConsideredTests
{
    [Theory]
    [InlineData(Relationship.Mother, true)]
    [InlineData(Relationship.Father, true)]
    [InlineData(Relationship.Brother, true)]
    [InlineData(Relationship.Sister, true)]
    [InlineData(Relationship.HalfSibling, true)]
    [InlineData(Relationship.Grandparent, false)]
    [InlineData(Relationship.AuntOrUncle, false)]
    [InlineData(Relationship.FamilyFriend, false)]
    [InlineData(Relationship.FormerCarer, false)]
    [InlineData(Relationship.PossibleFutureCarer, false)]
    [InlineData(Relationship.Other, false)]
    public void Parents_and_brothers_and_sisters_are_always_considered(Relationship relationship, bool must) =>
        Assert.Equal(must, PlanRules.MustBeConsidered(relationship));
}
