using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class BankHolidaysTests
{
    // The shape of https://www.gov.uk/bank-holidays.json: one object per division, events in any order.
    private const string GovUkShaped = """
        {
          "scotland": { "division": "scotland", "events": [
            { "title": "2nd January", "date": "2027-01-04", "notes": "Substitute day", "bunting": true },
            { "title": "St Andrew’s Day", "date": "2026-11-30", "notes": "", "bunting": true } ] },
          "england-and-wales": { "division": "england-and-wales", "events": [
            { "title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true },
            { "title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true },
            { "title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true } ] },
          "northern-ireland": { "division": "northern-ireland", "events": [
            { "title": "St Patrick’s Day", "date": "2027-03-17", "notes": "", "bunting": true } ] }
        }
        """;

    [Fact]
    public void Parse_reads_only_england_and_wales()
    {
        var holidays = BankHolidays.Parse(GovUkShaped);

        Assert.Equal(3, holidays.Count);
        Assert.Equal(new BankHoliday(D(2026, 12, 28), "Boxing Day"), holidays.On(D(2026, 12, 28)));
        Assert.Equal("New Year’s Day", holidays.On(D(2027, 1, 1))?.Title);
        Assert.False(holidays.IsHoliday(D(2026, 11, 30)));
        Assert.False(holidays.IsHoliday(D(2027, 1, 4)));
        Assert.False(holidays.IsHoliday(D(2027, 3, 17)));
        Assert.Null(holidays.On(D(2027, 3, 17)));
    }

    [Fact]
    public void IsHoliday_is_exact_to_the_day()
    {
        var holidays = BankHolidays.Parse(GovUkShaped);

        Assert.True(holidays.IsHoliday(D(2026, 12, 25)));
        Assert.False(holidays.IsHoliday(D(2026, 12, 24)));
        Assert.False(holidays.IsHoliday(D(2026, 12, 26)));
        Assert.False(holidays.IsHoliday(D(2025, 12, 25)));
    }

    [Fact]
    public void KnownUntil_is_the_latest_date_whatever_the_order_of_the_file() =>
        Assert.Equal(D(2027, 1, 1), BankHolidays.Parse(GovUkShaped).KnownUntil);

    [Fact]
    public void No_holidays_know_nothing()
    {
        Assert.Equal(0, BankHolidays.None.Count);
        Assert.Equal(DateOnly.MinValue, BankHolidays.None.KnownUntil);
        Assert.False(BankHolidays.None.IsHoliday(D(2026, 12, 25)));
    }

    [Fact]
    public void A_date_listed_twice_counts_once_and_keeps_its_first_title()
    {
        var holidays = Holidays((2026, 12, 25, "Christmas Day"), (2026, 12, 25, "Christmas (again)"), (2026, 12, 28, "Boxing Day"));

        Assert.Equal(2, holidays.Count);
        Assert.Equal("Christmas Day", holidays.On(D(2026, 12, 25))?.Title);
    }

    [Fact]
    public void An_event_without_a_title_is_called_a_bank_holiday()
    {
        var holidays = BankHolidays.Parse("""{ "england-and-wales": { "events": [ { "title": null, "date": "2027-05-03" } ] } }""");
        Assert.Equal("Bank holiday", holidays.On(D(2027, 5, 3))?.Title);
    }

    [Theory]
    [InlineData("""{ "scotland": { "events": [] } }""")]
    [InlineData("""{ "england-and-wales": { "division": "england-and-wales" } }""")]
    [InlineData("""{ }""")]
    public void A_file_without_england_and_wales_events_is_refused(string json)
    {
        var ex = Assert.Throws<FormatException>(() => BankHolidays.Parse(json));
        Assert.Contains("england-and-wales", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25/12/2026")]
    [InlineData("2026-12-25T00:00:00")]
    [InlineData("2026-02-30")]
    [InlineData("")]
    public void A_date_not_written_yyyy_MM_dd_is_refused(string date) =>
        Assert.Throws<FormatException>(() => BankHolidays.Parse(
            $$"""{ "england-and-wales": { "events": [ { "title": "Christmas Day", "date": "{{date}}" } ] } }"""));

    [Fact]
    public void Parse_of_no_events_gives_no_holidays() =>
        Assert.Equal(0, BankHolidays.Parse("""{ "england-and-wales": { "events": [] } }""").Count);
}
