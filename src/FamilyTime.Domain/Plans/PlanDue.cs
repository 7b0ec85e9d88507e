using FamilyTime.Domain.Children;

namespace FamilyTime.Domain.Plans;

/// <summary>Where a child's plan stands against the time allowed to agree one.</summary>
public enum PlanDueState
{
    /// <summary>The authority does not arrange family time for this child.</summary>
    NotNeeded = 0,
    Agreed = 1,

    /// <summary>No agreed plan yet, within the grace after coming into care.</summary>
    Due = 2,
    Overdue = 3,
}

/// <summary>
/// A child in care needs an agreed plan from the day they come into care; the service allows a grace of working
/// days (PlanSettings.DueGraceWorkingDays, default 5) in which the plan is "due" before it is "overdue" (issue 10, item 22).
/// </summary>
public static class PlanDue
{
    /// <summary>The last day the plan is due: the grace in working days (not weekends or bank holidays) after coming into care.</summary>
    public static DateOnly DueBy(DateOnly cameIntoCareOn, int graceWorkingDays, BankHolidays holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var day = cameIntoCareOn;
        for (var left = Math.Max(0, graceWorkingDays); left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.IsHoliday(day))
            {
                left--;
            }
        }
        return day;
    }

    public static PlanDueState StateOn(LegalStatus status, bool hasAgreedPlan, DateOnly cameIntoCareOn, DateOnly today, int graceWorkingDays, BankHolidays holidays)
    {
        if (!ContactPlan.IsOverdue(status, hasAgreedPlan))
        {
            return hasAgreedPlan ? PlanDueState.Agreed : PlanDueState.NotNeeded;
        }
        return today > DueBy(cameIntoCareOn, graceWorkingDays, holidays) ? PlanDueState.Overdue : PlanDueState.Due;
    }

    /// <summary>The latest day of coming into care that makes a missing plan overdue today, for a filter in the database.</summary>
    public static DateOnly OverdueIfCameIntoCareOnOrBefore(DateOnly today, int graceWorkingDays, BankHolidays holidays)
    {
        var day = today.AddDays(-1);
        while (DueBy(day, graceWorkingDays, holidays) >= today)
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
