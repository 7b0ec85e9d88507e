using FamilyTime.Domain.Reviews;

namespace FamilyTime.UnitTests.Reviews;

/// <summary>When a review shows as due soon or overdue, and the yearly floor in a long-term home.</summary>
public class ReviewDueTests
{
    private static readonly DateOnly Due = new(2026, 12, 15);

    [Theory]
    [InlineData(-30, ReviewState.NotYetDue)]
    [InlineData(-15, ReviewState.NotYetDue)]
    [InlineData(-14, ReviewState.DueSoon)]
    [InlineData(-1, ReviewState.DueSoon)]
    [InlineData(0, ReviewState.DueSoon)]
    [InlineData(1, ReviewState.Overdue)]
    [InlineData(200, ReviewState.Overdue)]
    public void A_review_is_due_soon_from_14_days_before_and_overdue_the_day_after(int daysFromDue, ReviewState expected) =>
        Assert.Equal(expected, ReviewDue.StateOn(Due, Due.AddDays(daysFromDue)));

    [Theory]
    [InlineData(3, false, 3)]
    [InlineData(12, false, 12)]
    [InlineData(6, true, 6)]
    [InlineData(12, true, 12)]
    [InlineData(24, true, 12)]
    public void A_long_term_home_caps_the_gap_at_a_year(int every, bool longTerm, int expected) =>
        Assert.Equal(expected, ReviewDue.MaxMonths(every, longTerm));

    [Fact]
    public void Outside_a_long_term_home_the_arrangements_own_date_stands()
    {
        var next = new DateOnly(2028, 1, 1);
        Assert.Equal(next, ReviewDue.DueOn(next, lastReviewedOn: new DateOnly(2026, 1, 1), since: new DateOnly(2025, 1, 1), inLongTermHome: false));
    }

    [Fact]
    public void In_a_long_term_home_a_review_falls_due_a_year_after_the_last_if_that_is_sooner()
    {
        var next = new DateOnly(2028, 1, 1);
        Assert.Equal(new DateOnly(2027, 3, 10), ReviewDue.DueOn(next, new DateOnly(2026, 3, 10), new DateOnly(2025, 1, 1), inLongTermHome: true));
        // Never reviewed: a year from moving into the long-term home.
        Assert.Equal(new DateOnly(2026, 1, 1), ReviewDue.DueOn(next, null, new DateOnly(2025, 1, 1), inLongTermHome: true));
        // An earlier date of its own still stands.
        Assert.Equal(new DateOnly(2026, 5, 1), ReviewDue.DueOn(new DateOnly(2026, 5, 1), new DateOnly(2026, 3, 10), new DateOnly(2025, 1, 1), inLongTermHome: true));
    }
}
