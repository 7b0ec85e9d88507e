using FamilyTime.Domain.Children;

namespace FamilyTime.UnitTests;

public class LegalStatusRulesTests
{
    private const LegalStatus Undefined = (LegalStatus)99;

    public static TheoryData<LegalStatus> AllStatuses()
    {
        var data = new TheoryData<LegalStatus>();
        foreach (var s in Enum.GetValues<LegalStatus>())
        {
            data.Add(s);
        }
        return data;
    }

    [Fact]
    public void The_enum_has_the_seven_statuses_the_rules_below_cover()
    {
        // A new status must be thought through in every rule: this fails first to say so.
        Assert.Equal(7, Enum.GetValues<LegalStatus>().Length);
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder, true)]
    [InlineData(LegalStatus.CareOrder, true)]
    [InlineData(LegalStatus.Section20, true)]
    [InlineData(LegalStatus.PlacementOrder, true)]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, false)]
    [InlineData(LegalStatus.ChildArrangementsOrder, false)]
    [InlineData(LegalStatus.LeftCare, false)]
    [InlineData(Undefined, false)]
    public void IsInCare_and_AuthorityArrangesFamilyTime(LegalStatus status, bool expected)
    {
        Assert.Equal(expected, LegalStatusRules.IsInCare(status));
        Assert.Equal(expected, LegalStatusRules.AuthorityArrangesFamilyTime(status));
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder, true)]
    [InlineData(LegalStatus.CareOrder, true)]
    [InlineData(LegalStatus.Section20, false)]
    [InlineData(LegalStatus.PlacementOrder, false)]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, false)]
    [InlineData(LegalStatus.ChildArrangementsOrder, false)]
    [InlineData(LegalStatus.LeftCare, false)]
    [InlineData(Undefined, false)]
    public void Only_care_orders_carry_the_section_34_duty(LegalStatus status, bool expected) =>
        Assert.Equal(expected, LegalStatusRules.HasSection34Duty(status));

    [Theory]
    // Section 20: parents hold full PR, so only with a head of service exception.
    [InlineData(LegalStatus.Section20, false, false)]
    [InlineData(LegalStatus.Section20, true, true)]
    [InlineData(LegalStatus.InterimCareOrder, false, true)]
    [InlineData(LegalStatus.InterimCareOrder, true, true)]
    [InlineData(LegalStatus.CareOrder, false, true)]
    [InlineData(LegalStatus.CareOrder, true, true)]
    [InlineData(LegalStatus.PlacementOrder, false, true)]
    [InlineData(LegalStatus.PlacementOrder, true, true)]
    // The authority does not arrange family time: an exception does not change that.
    [InlineData(LegalStatus.SpecialGuardianshipOrder, false, false)]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, true, false)]
    [InlineData(LegalStatus.ChildArrangementsOrder, false, false)]
    [InlineData(LegalStatus.ChildArrangementsOrder, true, false)]
    [InlineData(LegalStatus.LeftCare, false, false)]
    [InlineData(LegalStatus.LeftCare, true, false)]
    [InlineData(Undefined, true, false)]
    public void SupervisionAllowed(LegalStatus status, bool exception, bool expected) =>
        Assert.Equal(expected, LegalStatusRules.SupervisionAllowed(status, exception));

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Changes_need_the_court_only_while_in_proceedings(bool inProceedings, bool expected) =>
        Assert.Equal(expected, LegalStatusRules.ChangeNeedsCourtAgreement(inProceedings));

    [Fact]
    public void An_interim_care_order_without_proceedings_is_refused_with_a_message_that_says_what_to_do()
    {
        var problem = LegalStatusRules.CheckProceedings(LegalStatus.InterimCareOrder, inCareProceedings: false);

        Assert.NotNull(problem);
        Assert.Contains("interim care order", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("in care proceedings", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interim_care_order_in_proceedings_is_fine() =>
        Assert.Null(LegalStatusRules.CheckProceedings(LegalStatus.InterimCareOrder, inCareProceedings: true));

    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder)]
    [InlineData(LegalStatus.ChildArrangementsOrder)]
    [InlineData(LegalStatus.LeftCare)]
    public void Statuses_outside_the_authority_are_refused_with_proceedings_and_fine_without(LegalStatus status)
    {
        var problem = LegalStatusRules.CheckProceedings(status, inCareProceedings: true);

        Assert.NotNull(problem);
        Assert.Contains($"'{LegalStatusRules.Describe(status)}'", problem, StringComparison.Ordinal);
        Assert.Null(LegalStatusRules.CheckProceedings(status, inCareProceedings: false));
    }

    [Theory]
    [InlineData(LegalStatus.CareOrder)]
    [InlineData(LegalStatus.Section20)]
    [InlineData(LegalStatus.PlacementOrder)]
    public void Other_statuses_are_fine_with_or_without_proceedings(LegalStatus status)
    {
        Assert.Null(LegalStatusRules.CheckProceedings(status, inCareProceedings: true));
        Assert.Null(LegalStatusRules.CheckProceedings(status, inCareProceedings: false));
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder, "Interim care order")]
    [InlineData(LegalStatus.CareOrder, "Care order")]
    [InlineData(LegalStatus.Section20, "Accommodated under section 20")]
    [InlineData(LegalStatus.PlacementOrder, "Placement order")]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, "Special guardianship order")]
    [InlineData(LegalStatus.ChildArrangementsOrder, "Child arrangements order")]
    [InlineData(LegalStatus.LeftCare, "Left care")]
    public void Describe_says_each_status_in_words(LegalStatus status, string expected) =>
        Assert.Equal(expected, LegalStatusRules.Describe(status));

    [Fact]
    public void Every_status_has_its_own_description()
    {
        var descriptions = Enum.GetValues<LegalStatus>().Select(LegalStatusRules.Describe).ToList();
        Assert.Equal(descriptions.Count, descriptions.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(99)]
    [InlineData(-1)]
    public void Describe_throws_and_IsKnown_is_false_for_an_undefined_value(int value)
    {
        var status = (LegalStatus)value;
        Assert.False(LegalStatusRules.IsKnown(status));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LegalStatusRules.Describe(status));
        Assert.Equal("status", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void IsKnown_for_every_defined_status(LegalStatus status) =>
        Assert.True(LegalStatusRules.IsKnown(status));
}
