using FamilyTime.Domain.Sessions;

namespace FamilyTime.UnitTests.Sessions;

/// <summary>Issue 10, item 19: the inbox's most urgent first.</summary>
public class InboxUrgencyTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);

    [Fact]
    public void Inbox_puts_a_suspension_on_day_5_or_later_first_then_the_most_days_overdue()
    {
        var day6 = WorkUrgency.Of(Today.AddDays(1), Today, suspensionDay: 6);
        var day5 = WorkUrgency.Of(Today.AddDays(2), Today, suspensionDay: 5);
        var day3 = WorkUrgency.Of(Today.AddDays(4), Today, suspensionDay: 3);
        var overdue30 = WorkUrgency.Of(Today.AddDays(-30), Today);
        var overdue2 = WorkUrgency.Of(Today.AddDays(-2), Today);
        var dueTomorrow = WorkUrgency.Of(Today.AddDays(1), Today);
        var undated = WorkUrgency.Of(null, Today);
        var shuffled = new[] { undated, overdue2, day3, dueTomorrow, day5, overdue30, day6 };
        Assert.Equal([day6, day5, overdue30, overdue2, dueTomorrow, day3, undated], shuffled.Order().ToArray());
        Assert.Equal(30, overdue30.DaysOverdue);
        Assert.Equal(0, dueTomorrow.DaysOverdue);
    }
}
