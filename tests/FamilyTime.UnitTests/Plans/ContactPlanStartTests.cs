using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class ContactPlanStartTests
{
    private static readonly Guid ChildId = new("d0000000-0000-0000-0000-0000000000aa");

    [Fact]
    public void A_new_plan_is_a_draft_started_today_and_reviewed_within_three_months()
    {
        var plan = ContactPlan.Start(ChildId, Context());

        Assert.NotEqual(Guid.Empty, plan.Id);
        Assert.Equal(ChildId, plan.ChildId);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(Today, plan.StartedOn);
        Assert.Equal(D(2027, 2, 23), plan.NextReviewOn);
        Assert.False(plan.HasBeenAgreed);
        Assert.Equal(0, plan.AgreedVersion);
        Assert.Null(plan.AgreedOn);
        Assert.Null(plan.HorizonEndsOn);
        Assert.Null(plan.SharedWithFamilyOn);
        Assert.Empty(plan.Arrangements);
        Assert.Empty(plan.Versions);
        Assert.Empty(plan.Considerations);
    }

    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder)]
    [InlineData(LegalStatus.ChildArrangementsOrder)]
    [InlineData(LegalStatus.LeftCare)]
    public void No_plan_is_started_when_the_authority_does_not_arrange_family_time(LegalStatus status)
    {
        var ex = Assert.Throws<DomainRuleException>(() => ContactPlan.Start(ChildId, Context(status)));

        Assert.Equal("", ex.Field);
        Assert.Equal(PlanRules.ArrangingRefused(Context(status)), ex.Message);
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder)]
    [InlineData(LegalStatus.CareOrder)]
    [InlineData(LegalStatus.Section20)]
    [InlineData(LegalStatus.PlacementOrder)]
    public void A_plan_is_started_for_a_child_in_care(LegalStatus status) =>
        Assert.Equal(PlanStatus.Draft, ContactPlan.Start(ChildId, Context(status)).Status);

    [Fact]
    public void Each_plan_gets_its_own_id() => Assert.NotEqual(Draft().Id, Draft().Id);

    [Fact]
    public void A_plan_started_at_the_end_of_a_month_is_reviewed_by_the_end_of_the_third_month() =>
        Assert.Equal(D(2027, 2, 28), Draft(Context(today: D(2026, 11, 30))).NextReviewOn);

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder, false, true)]
    [InlineData(LegalStatus.CareOrder, false, true)]
    [InlineData(LegalStatus.Section20, false, true)]
    [InlineData(LegalStatus.PlacementOrder, false, true)]
    [InlineData(LegalStatus.CareOrder, true, false)]
    [InlineData(LegalStatus.Section20, true, false)]
    [InlineData(LegalStatus.SpecialGuardianshipOrder, false, false)]
    [InlineData(LegalStatus.ChildArrangementsOrder, false, false)]
    [InlineData(LegalStatus.LeftCare, false, false)]
    public void A_child_in_care_without_an_agreed_plan_is_overdue(LegalStatus status, bool hasAgreedPlan, bool overdue) =>
        Assert.Equal(overdue, ContactPlan.IsOverdue(status, hasAgreedPlan));
}
