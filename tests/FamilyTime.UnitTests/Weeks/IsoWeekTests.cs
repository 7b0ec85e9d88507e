using FamilyTime.Domain.Weeks;

namespace FamilyTime.UnitTests.Weeks;

public sealed class IsoWeekTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 17);

    [Fact]
    public void No_week_asked_for_is_this_week_from_Monday_to_Sunday()
    {
        var choice = IsoWeek.Parse(null, Tuesday);
        Assert.Null(choice.Problem);
        Assert.Equal(new DateOnly(2026, 11, 16), choice.Week.Monday);
        Assert.Equal(new DateOnly(2026, 11, 22), choice.Week.Sunday);
        Assert.Equal(7, choice.Week.Days.Count);
        Assert.Equal("2026-11-16", choice.Week.Param);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-26", "2026-11-23")] // a Thursday: its week
    [InlineData("2026-11-29", "2026-11-23")] // a Sunday belongs to the week before
    [InlineData("2026-W48", "2026-11-23")]
    [InlineData("2026-w01", "2025-12-29")] // ISO week 1 of 2026 starts in 2025
    [InlineData(" 2027-01-01 ", "2026-12-28")]
    public void A_week_is_named_by_any_of_its_days_or_its_ISO_number(string asked, string monday)
    {
        var choice = IsoWeek.Parse(asked, Tuesday);
        Assert.Null(choice.Problem);
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), choice.Week.Monday);
    }

    [Theory]
    [InlineData("next tuesday")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-W54")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("'; drop table sessions; --")]
    public void A_week_that_cannot_be_read_falls_back_to_this_week_with_a_message(string asked)
    {
        var choice = IsoWeek.Parse(asked, Tuesday);
        Assert.Equal(new DateOnly(2026, 11, 16), choice.Week.Monday);
        Assert.False(string.IsNullOrWhiteSpace(choice.Problem));
        Assert.Contains("this week instead", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_and_previous_cross_months_and_years()
    {
        var week = IsoWeek.Containing(new DateOnly(2026, 12, 30));
        Assert.Equal(new DateOnly(2026, 12, 28), week.Monday);
        Assert.Equal(new DateOnly(2027, 1, 3), week.Sunday);
        Assert.Equal(new DateOnly(2027, 1, 4), week.Next.Monday);
        Assert.Equal(new DateOnly(2026, 12, 21), week.Previous.Monday);
        Assert.Equal(53, week.Number);
        Assert.Equal(2026, week.Year);
        Assert.Equal(new DateOnly(2026, 11, 30), IsoWeek.Containing(new DateOnly(2026, 11, 30)).Monday);
        Assert.Equal(new DateOnly(2026, 11, 23), IsoWeek.Containing(new DateOnly(2026, 11, 30)).Previous.Monday);
    }
}
