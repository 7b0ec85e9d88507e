using FamilyTime.Domain.Children;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.UnitTests.Changes;

/// <summary>
/// Issue 10, item 2: a section 34(4) application falls within the suspension's 7 days, and only where section 34
/// applies; a child whom it does not cover is asked for what applies to them instead.
/// </summary>
public class SuspensionRouteTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static Suspension Discussed()
    {
        var (s, errors) = Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), Monday, "Threats during the session.", "sw-1", Monday, anotherRunning: false);
        Assert.True(errors.IsValid);
        Assert.True(s!.RecordDiscussion(withManager: true, Monday, Monday.AddDays(1)).IsValid);
        Assert.True(s.RecordDiscussion(withManager: false, Monday.AddDays(1), Monday.AddDays(1)).IsValid);
        return s;
    }

    [Theory]
    [InlineData(LegalStatus.InterimCareOrder, SuspensionRoute.Section34Application)]
    [InlineData(LegalStatus.CareOrder, SuspensionRoute.Section34Application)]
    [InlineData(LegalStatus.Section20, SuspensionRoute.ParentsAgreement)]
    [InlineData(LegalStatus.PlacementOrder, SuspensionRoute.PlanChange)]
    public void Only_a_care_order_or_interim_care_order_leads_to_a_section_34_application(LegalStatus status, SuspensionRoute route) =>
        Assert.Equal(route, SuspensionRoutes.For(status));

    [Fact]
    public void Section_34_application_dated_after_day_7_is_refused()
    {
        var s = Discussed();
        var day12 = Monday.AddDays(11);
        var errors = s.RecordApplication(Monday.AddDays(4), "Apply under s34(4).", day12, "NB26C00123", day12, LegalStatus.CareOrder);
        Assert.Contains("within the suspension's 7 days", errors.ByField["ApplicationMadeOn"][0], StringComparison.Ordinal);
        Assert.Null(s.ApplicationMadeOn);
    }

    [Fact]
    public void Section_34_application_dated_before_the_suspension_started_is_refused()
    {
        var s = Discussed();
        var errors = s.RecordApplication(Monday, "Apply under s34(4).", Monday.AddDays(-1), "NB26C00123", Monday.AddDays(3), LegalStatus.CareOrder);
        Assert.True(errors.ByField.ContainsKey("ApplicationMadeOn"));
    }

    [Fact]
    public void Section_34_application_dated_in_the_future_is_refused()
    {
        var s = Discussed();
        var errors = s.RecordApplication(Monday.AddDays(2), "Apply under s34(4).", Monday.AddDays(4), "NB26C00123", Monday.AddDays(3), LegalStatus.CareOrder);
        Assert.Contains("today or earlier", errors.ByField["ApplicationMadeOn"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Section_34_application_on_day_7_is_accepted()
    {
        var s = Discussed();
        Assert.True(s.RecordApplication(Monday.AddDays(5), "Apply under s34(4).", s.LastDay, "NB26C00123", s.LastDay.AddDays(2), LegalStatus.CareOrder).IsValid);
        Assert.Equal(SuspensionStage.ApplicationMade, s.StageOn(s.LastDay.AddDays(2)));
    }

    [Theory]
    [InlineData(LegalStatus.Section20, "section 20")]
    [InlineData(LegalStatus.PlacementOrder, "Placement order")]
    public void Section_34_application_is_refused_for_a_child_section_34_does_not_cover(LegalStatus status, string named)
    {
        var s = Discussed();
        var errors = s.RecordApplication(Monday.AddDays(2), "Apply under s34(4).", Monday.AddDays(3), "NB26C00123", Monday.AddDays(3), status);
        Assert.Contains("Section 34 does not apply", errors.ByField[""][0], StringComparison.Ordinal);
        Assert.Contains(named, errors.ByField[""][0], StringComparison.Ordinal);
        Assert.Null(s.ApplicationMadeOn);
    }

    [Fact]
    public void Section_20_suspension_continues_only_with_the_parents_agreement_while_the_plan_changes_through_the_iro()
    {
        var s = Discussed();
        var today = Monday.AddDays(4);
        var missing = s.AgreePlanChange(today, " ", today, LegalStatus.Section20);
        Assert.Contains("parents agreed", missing.ByField["PlanChangeAgreement"][0], StringComparison.Ordinal);
        Assert.True(s.AgreePlanChange(today, "Mum and Dad agree to pause family time while the IRO considers the change.", today, LegalStatus.Section20).IsValid);
        Assert.Equal(SuspensionStage.PlanChanging, s.StageOn(Monday.AddDays(9)));
        // Should the agreement end, family time resumes.
        Assert.True(s.Resume(Monday.AddDays(9), Monday.AddDays(9)).IsValid);
    }

    [Fact]
    public void Section_20_agreement_dated_after_day_7_is_refused()
    {
        var s = Discussed();
        var day9 = Monday.AddDays(8);
        Assert.True(s.AgreePlanChange(day9, "Agreed.", day9, LegalStatus.Section20).ByField.ContainsKey("PlanChangeAgreedOn"));
    }

    [Fact]
    public void Plan_change_route_is_refused_under_a_care_order()
    {
        var s = Discussed();
        var errors = s.AgreePlanChange(Monday.AddDays(2), "Agreed.", Monday.AddDays(2), LegalStatus.CareOrder);
        Assert.Contains("section 34(4)", errors.ByField[""][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SuspensionRoute.ParentsAgreement)]
    [InlineData(SuspensionRoute.PlanChange)]
    public void Suspension_clock_of_a_child_without_section_34_never_asks_for_a_section_34_application(SuspensionRoute route)
    {
        Assert.DoesNotContain("apply under section 34(4)", SuspensionRoutes.Otherwise(route), StringComparison.Ordinal);
        Assert.Contains("through the IRO", SuspensionRoutes.Otherwise(route), StringComparison.Ordinal);
    }
}
