using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class ScheduleWeeklyTests
{
    [Fact]
    public void Weekly_gives_each_chosen_day_from_the_first_date_up_to_but_not_including_until()
    {
        // Tuesday 24 November is in range but before the first date (Saturday 28th); Saturday 12 December is `until`.
        var schedule = Repeating(FrequencyKind.Weekly, D(2026, 11, 28), DayOfWeek.Tuesday, DayOfWeek.Saturday);

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2026, 12, 12), BankHolidays.None);

        Assert.Equal([D(2026, 11, 28), D(2026, 12, 1), D(2026, 12, 5), D(2026, 12, 8)], dates.Dates);
        Assert.Empty(dates.SkippedHolidays);
    }

    [Fact]
    public void From_is_included_when_it_is_after_the_first_date()
    {
        var schedule = Repeating(FrequencyKind.Weekly, D(2026, 11, 28), DayOfWeek.Saturday);

        Assert.Equal([D(2026, 12, 5), D(2026, 12, 12)], schedule.DatesBetween(D(2026, 12, 5), D(2026, 12, 19), BankHolidays.None).Dates);
    }

    [Theory]
    [InlineData(2026, 12, 5)]
    [InlineData(2026, 12, 1)]
    public void An_empty_or_backwards_range_gives_no_dates(int year, int month, int day)
    {
        var schedule = Repeating(FrequencyKind.Weekly, D(2026, 11, 28), DayOfWeek.Saturday);

        Assert.Empty(schedule.DatesBetween(D(2026, 12, 5), D(year, month, day), BankHolidays.None).Dates);
    }

    [Fact]
    public void A_range_wholly_before_the_first_date_gives_no_dates()
    {
        var schedule = Repeating(FrequencyKind.Weekly, D(2027, 1, 2), DayOfWeek.Saturday);

        Assert.Empty(schedule.DatesBetween(D(2026, 11, 1), D(2027, 1, 2), BankHolidays.None).Dates);
    }

    [Fact]
    public void Every_date_of_a_year_of_weekly_sessions_is_one_of_the_days_and_a_week_apart()
    {
        var schedule = Repeating(FrequencyKind.Weekly, D(2026, 11, 25), DayOfWeek.Wednesday);

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2027, 11, 23), BankHolidays.None).Dates;

        Assert.Equal(52, dates.Count);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Wednesday, d.DayOfWeek));
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.Equal(7, pair.Second.DayNumber - pair.First.DayNumber));
    }
}

public class ScheduleFortnightlyTests
{
    [Fact]
    public void A_fortnight_keeps_its_parity_across_the_new_year()
    {
        // 2026 has an ISO week 53, so counting by week number would break the rhythm at the new year.
        var schedule = Repeating(FrequencyKind.Fortnightly, D(2026, 12, 24), DayOfWeek.Thursday);

        var dates = schedule.DatesBetween(D(2026, 12, 1), D(2027, 2, 28), BankHolidays.None).Dates;

        Assert.Equal([D(2026, 12, 24), D(2027, 1, 7), D(2027, 1, 21), D(2027, 2, 4), D(2027, 2, 18)], dates);
    }

    [Fact]
    public void The_fortnight_is_counted_from_the_first_date_not_from_the_start_of_the_range()
    {
        // Thursday 31 December is the "off" week of a fortnight that began on Christmas Eve.
        var schedule = Repeating(FrequencyKind.Fortnightly, D(2026, 12, 24), DayOfWeek.Thursday);

        var dates = schedule.DatesBetween(D(2026, 12, 31), D(2027, 1, 22), BankHolidays.None).Dates;

        Assert.Equal([D(2027, 1, 7), D(2027, 1, 21)], dates);
    }

    [Fact]
    public void Weeks_run_Monday_to_Sunday_so_a_weekend_fortnight_stays_together()
    {
        var schedule = Repeating(FrequencyKind.Fortnightly, D(2026, 11, 28), DayOfWeek.Saturday, DayOfWeek.Sunday);

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2026, 12, 28), BankHolidays.None).Dates;

        Assert.Equal([D(2026, 11, 28), D(2026, 11, 29), D(2026, 12, 12), D(2026, 12, 13), D(2026, 12, 26), D(2026, 12, 27)], dates);
    }

    [Fact]
    public void A_first_date_midweek_starts_the_fortnight_in_its_own_week()
    {
        // First date Wednesday 25 November: Monday 23rd is before it, Friday 27th is in; the week of 30 November is off.
        var schedule = Repeating(FrequencyKind.Fortnightly, D(2026, 11, 25), DayOfWeek.Monday, DayOfWeek.Friday);

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2026, 12, 26), BankHolidays.None).Dates;

        Assert.Equal([D(2026, 11, 27), D(2026, 12, 7), D(2026, 12, 11), D(2026, 12, 21), D(2026, 12, 25)], dates);
    }
}

public class ScheduleMonthlyTests
{
    [Fact]
    public void Monthly_is_the_same_nth_weekday_each_month()
    {
        // Saturday 12 December 2026 is the second Saturday.
        var schedule = Repeating(FrequencyKind.Monthly, D(2026, 12, 12));

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2027, 4, 1), BankHolidays.None).Dates;

        Assert.Equal([D(2026, 12, 12), D(2027, 1, 9), D(2027, 2, 13), D(2027, 3, 13)], dates);
    }

    [Fact]
    public void A_fifth_saturday_becomes_the_last_saturday_so_no_month_is_missed()
    {
        // Saturday 30 January 2027 is the fifth Saturday; February to April have only four, May has five.
        var schedule = Repeating(FrequencyKind.Monthly, D(2027, 1, 30));

        var dates = schedule.DatesBetween(D(2027, 1, 1), D(2027, 6, 1), BankHolidays.None).Dates;

        Assert.Equal([D(2027, 1, 30), D(2027, 2, 27), D(2027, 3, 27), D(2027, 4, 24), D(2027, 5, 29)], dates);
    }

    [Fact]
    public void A_fourth_saturday_stays_the_fourth_in_a_month_with_five()
    {
        var schedule = Repeating(FrequencyKind.Monthly, D(2027, 1, 23));

        var dates = schedule.DatesBetween(D(2027, 1, 1), D(2027, 6, 1), BankHolidays.None).Dates;

        Assert.Equal([D(2027, 1, 23), D(2027, 2, 27), D(2027, 3, 27), D(2027, 4, 24), D(2027, 5, 22)], dates);
    }

    [Fact]
    public void A_range_starting_after_this_month_s_date_begins_next_month()
    {
        var schedule = Repeating(FrequencyKind.Monthly, D(2026, 12, 12));

        var dates = schedule.DatesBetween(D(2027, 1, 10), D(2027, 3, 1), BankHolidays.None).Dates;

        Assert.Equal([D(2027, 2, 13)], dates);
    }

    [Fact]
    public void A_year_of_monthly_sessions_is_twelve_dates_all_on_the_weekday()
    {
        var schedule = Repeating(FrequencyKind.Monthly, D(2026, 11, 30)); // the fifth (last) Monday

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2027, 11, 23), BankHolidays.None).Dates;

        Assert.Equal(12, dates.Count);
        Assert.Equal(12, dates.Select(d => (d.Year, d.Month)).Distinct().Count());
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Monday, d.DayOfWeek));
        Assert.All(dates, d => Assert.True(d.AddDays(7).Month != d.Month, $"{d} is not the last Monday"));
    }
}

public class ScheduleCustomDatesTests
{
    [Fact]
    public void Custom_dates_out_of_order_and_duplicated_come_back_once_each_in_order()
    {
        var schedule = OnDates(D(2027, 2, 14), D(2026, 12, 20), D(2027, 1, 10), D(2026, 12, 20));

        var dates = schedule.DatesBetween(D(2026, 11, 23), D(2028, 1, 1), BankHolidays.None).Dates;

        Assert.Equal([D(2026, 12, 20), D(2027, 1, 10), D(2027, 2, 14)], dates);
    }

    [Fact]
    public void Custom_dates_outside_the_range_are_left_out_and_until_is_excluded()
    {
        var schedule = OnDates(D(2027, 2, 14), D(2026, 12, 20), D(2027, 1, 10));

        Assert.Equal([D(2027, 1, 10)], schedule.DatesBetween(D(2027, 1, 10), D(2027, 2, 14), BankHolidays.None).Dates);
    }
}

public class ScheduleBankHolidayTests
{
    private static readonly BankHolidays Spring2027 = Holidays(
        (2027, 3, 26, "Good Friday"), (2027, 3, 29, "Easter Monday"), (2027, 5, 3, "Early May bank holiday"));

    [Fact]
    public void A_schedule_starting_on_a_bank_holiday_skips_it_and_says_so()
    {
        var schedule = Repeating(FrequencyKind.Weekly, D(2027, 3, 29), DayOfWeek.Monday);

        var dates = schedule.DatesBetween(D(2027, 3, 1), D(2027, 4, 13), Spring2027);

        Assert.Equal([D(2027, 4, 5), D(2027, 4, 12)], dates.Dates);
        Assert.Equal([new BankHoliday(D(2027, 3, 29), "Easter Monday")], dates.SkippedHolidays);
    }

    [Fact]
    public void Holidays_before_the_first_date_or_on_other_days_are_not_reported_as_skipped()
    {
        // Good Friday (26 March) is before the first Friday; Easter Monday is not a chosen day.
        var schedule = Repeating(FrequencyKind.Weekly, D(2027, 4, 2), DayOfWeek.Friday);

        var dates = schedule.DatesBetween(D(2027, 3, 1), D(2027, 4, 10), Spring2027);

        Assert.Equal([D(2027, 4, 2), D(2027, 4, 9)], dates.Dates);
        Assert.Empty(dates.SkippedHolidays);
    }

    [Fact]
    public void Monthly_and_custom_dates_skip_bank_holidays_too()
    {
        // The first Monday of May 2027 is the early May bank holiday.
        var monthly = Repeating(FrequencyKind.Monthly, D(2027, 4, 5)).DatesBetween(D(2027, 4, 1), D(2027, 7, 1), Spring2027);
        var custom = OnDates(D(2027, 3, 26), D(2027, 3, 27)).DatesBetween(D(2027, 3, 1), D(2027, 4, 1), Spring2027);

        Assert.Equal([D(2027, 4, 5), D(2027, 6, 7)], monthly.Dates);
        Assert.Equal(D(2027, 5, 3), Assert.Single(monthly.SkippedHolidays).Date);
        Assert.Equal([D(2027, 3, 27)], custom.Dates);
        Assert.Equal("Good Friday", Assert.Single(custom.SkippedHolidays).Title);
    }

    [Fact]
    public void DatesBetween_needs_the_holidays() =>
        Assert.Throws<ArgumentNullException>(() => Repeating(FrequencyKind.Weekly, D(2027, 4, 2), DayOfWeek.Friday).DatesBetween(D(2027, 1, 1), D(2027, 2, 1), null!));
}

public class ScheduleDescribeTests
{
    [Fact]
    public void Weekly_names_the_days_Monday_first_and_the_times()
    {
        var schedule = Repeating(FrequencyKind.Weekly, D(2026, 11, 28), DayOfWeek.Saturday, DayOfWeek.Tuesday);
        Assert.Equal("Every week on Tuesday and Saturday, 10:00 to 11:30", schedule.Describe());
    }

    [Fact]
    public void Sunday_comes_last_and_three_days_are_listed_with_commas()
    {
        var schedule = new Schedule(FrequencyKind.Weekly, new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Monday },
            D(2026, 11, 23), [], new TimeOnly(9, 5), 15);
        Assert.Equal("Every week on Monday, Wednesday and Sunday, 09:05 to 09:20", schedule.Describe());
    }

    [Fact]
    public void Fortnightly_says_every_other_week()
    {
        var schedule = new Schedule(FrequencyKind.Fortnightly, new HashSet<DayOfWeek> { DayOfWeek.Thursday }, D(2026, 12, 24), [], new TimeOnly(16, 0), 60);
        Assert.Equal("Every other week on Thursday, 16:00 to 17:00", schedule.Describe());
    }

    [Theory]
    [InlineData(2026, 12, 5, "first")]
    [InlineData(2026, 12, 12, "second")]
    [InlineData(2026, 12, 19, "third")]
    [InlineData(2026, 12, 26, "fourth")]
    [InlineData(2027, 1, 30, "last")]
    public void Monthly_says_which_weekday_of_the_month(int year, int month, int day, string ordinal)
    {
        var schedule = new Schedule(FrequencyKind.Monthly, new HashSet<DayOfWeek>(), D(year, month, day), [], new TimeOnly(9, 0), 480);
        Assert.Equal($"Once a month, on the {ordinal} Saturday of the month, 09:00 to 17:00", schedule.Describe());
    }

    [Fact]
    public void Custom_dates_are_counted_in_the_singular_and_plural()
    {
        Assert.Equal("On 1 set date, 10:00 to 11:30", OnDates(D(2026, 12, 20)).Describe());
        Assert.Equal("On 2 set dates, 10:00 to 11:30", OnDates(D(2026, 12, 20), D(2027, 1, 10)).Describe());
    }

    [Fact]
    public void FormatDate_writes_the_date_in_British_English() =>
        Assert.Equal("Saturday 28 November 2026", Schedule.FormatDate(D(2026, 11, 28)));
}
