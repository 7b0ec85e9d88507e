using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>The bank holiday file the service ships (src/FamilyTime.Web/Data/bank-holidays.json), checked against the calendar.</summary>
public class ShippedBankHolidaysTests
{
    private static readonly Lazy<BankHolidays> Shipped = new(() => BankHolidays.Parse(File.ReadAllText(ShippedFile())));

    private static BankHolidays Holidays => Shipped.Value;

    private static string ShippedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FamilyTime.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "FamilyTime.Web", "Data", "bank-holidays.json");
            }
        }
        throw new InvalidOperationException("FamilyTime.slnx not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData(2026, 12, 25, "Christmas Day")]
    [InlineData(2026, 12, 28, "Boxing Day")] // Saturday 26th: substitute Monday
    [InlineData(2027, 3, 26, "Good Friday")]
    [InlineData(2027, 3, 29, "Easter Monday")]
    [InlineData(2027, 12, 27, "Christmas Day")] // Saturday 25th and Sunday 26th: both substituted
    [InlineData(2027, 12, 28, "Boxing Day")]
    [InlineData(2028, 1, 3, "New Year")] // Saturday 1 January: substitute Monday
    [InlineData(2025, 8, 25, "Summer bank holiday")]
    public void Known_dates_are_listed(int year, int month, int day, string title)
    {
        var holiday = Holidays.On(D(year, month, day));
        Assert.NotNull(holiday);
        Assert.StartsWith(title, holiday.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 12, 26)] // Saturday: not itself a day off
    [InlineData(2027, 12, 25)]
    [InlineData(2028, 1, 1)]
    [InlineData(2027, 3, 28)] // Easter Sunday
    [InlineData(2026, 12, 24)]
    public void Weekend_dates_replaced_by_a_substitute_and_ordinary_days_are_not_listed(int year, int month, int day) =>
        Assert.False(Holidays.IsHoliday(D(year, month, day)));

    [Fact]
    public void Every_listed_date_is_a_weekday() =>
        Assert.All(AllDates(), d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d:yyyy-MM-dd} is a {d.DayOfWeek}"));

    [Fact]
    public void There_are_eight_a_year_from_2025_to_2028_and_nothing_else()
    {
        var byYear = AllDates().GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [2025] = 8, [2026] = 8, [2027] = 8, [2028] = 8 }, byYear);
        Assert.Equal(32, Holidays.Count);
        Assert.Equal(D(2028, 12, 26), Holidays.KnownUntil);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    public void Each_year_matches_the_rules_of_the_calendar(int year)
    {
        var listed = AllDates().Where(d => d.Year == year).Order().ToArray();
        Assert.Equal(Expected(year), listed);
    }

    private static IEnumerable<DateOnly> AllDates()
    {
        for (var d = D(2024, 1, 1); d < D(2030, 1, 1); d = d.AddDays(1))
        {
            if (Holidays.IsHoliday(d))
            {
                yield return d;
            }
        }
    }

    /// <summary>England and Wales: the rules worked out independently of the file.</summary>
    private static DateOnly[] Expected(int year)
    {
        var easter = EasterSunday(year);
        var newYear = NextWeekday(D(year, 1, 1));
        var christmas = NextWeekday(D(year, 12, 25));
        var boxing = NextWeekday(christmas.AddDays(1));
        DateOnly[] days =
        [
            newYear,
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
            christmas,
            boxing,
        ];
        return days.Order().ToArray();
    }

    private static DateOnly NextWeekday(DateOnly d) =>
        d.DayOfWeek switch { DayOfWeek.Saturday => d.AddDays(2), DayOfWeek.Sunday => d.AddDays(1), _ => d };

    private static DateOnly FirstMonday(int year, int month)
    {
        var d = D(year, month, 1);
        return d.AddDays(((int)DayOfWeek.Monday - (int)d.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var d = D(year, month, DateTime.DaysInMonth(year, month));
        return d.AddDays(-(((int)d.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>The anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        return D(y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
    }
}
