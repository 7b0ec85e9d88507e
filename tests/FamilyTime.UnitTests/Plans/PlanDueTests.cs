using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>Issue 10, item 22: a plan is "due" for a grace of working days after coming into care, then "overdue".</summary>
public class PlanDueTests
{
    // Monday 16 November 2026.
    private static readonly DateOnly Came = D(2026, 11, 16);

    [Theory]
    [InlineData(16, PlanDueState.Due)]
    [InlineData(20, PlanDueState.Due)]
    [InlineData(23, PlanDueState.Due)]
    [InlineData(24, PlanDueState.Overdue)]
    public void A_plan_is_due_for_five_working_days_after_coming_into_care_then_overdue(int day, PlanDueState state) =>
        Assert.Equal(state, PlanDue.StateOn(LegalStatus.CareOrder, false, Came, D(2026, 11, day), 5, BankHolidays.None));

    [Fact]
    public void Weekends_and_bank_holidays_do_not_count_towards_the_grace()
    {
        // From Thursday 24 December: the 25th, the 28th and 1 January are bank holidays, so the fifth working day is Tuesday 5 January.
        var holidays = Holidays((2026, 12, 25, "Christmas Day"), (2026, 12, 28, "Boxing Day (substitute day)"), (2027, 1, 1, "New Year’s Day"));
        Assert.Equal(D(2027, 1, 5), PlanDue.DueBy(D(2026, 12, 24), 5, holidays));
    }

    [Fact]
    public void The_grace_is_the_services_setting()
    {
        Assert.Equal(PlanDueState.Overdue, PlanDue.StateOn(LegalStatus.CareOrder, false, Came, D(2026, 11, 17), 0, BankHolidays.None));
        Assert.Equal(PlanDueState.Due, PlanDue.StateOn(LegalStatus.CareOrder, false, Came, D(2026, 11, 30), 10, BankHolidays.None));
        Assert.Equal(5, new PlanSettings().DueGraceWorkingDays);
    }

    [Fact]
    public void An_agreed_plan_or_a_child_whose_family_time_is_not_arranged_is_neither_due_nor_overdue()
    {
        Assert.Equal(PlanDueState.Agreed, PlanDue.StateOn(LegalStatus.CareOrder, true, Came, D(2027, 1, 1), 5, BankHolidays.None));
        Assert.Equal(PlanDueState.NotNeeded, PlanDue.StateOn(LegalStatus.SpecialGuardianshipOrder, false, Came, D(2027, 1, 1), 5, BankHolidays.None));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(30)]
    [InlineData(1)]
    public void The_database_filter_finds_exactly_the_overdue(int day)
    {
        var today = day == 1 ? D(2026, 12, 1) : D(2026, 11, day);
        var cutoff = PlanDue.OverdueIfCameIntoCareOnOrBefore(today, 5, BankHolidays.None);
        Assert.Equal(PlanDueState.Overdue, PlanDue.StateOn(LegalStatus.CareOrder, false, cutoff, today, 5, BankHolidays.None));
        Assert.Equal(PlanDueState.Due, PlanDue.StateOn(LegalStatus.CareOrder, false, cutoff.AddDays(1), today, 5, BankHolidays.None));
    }
}
