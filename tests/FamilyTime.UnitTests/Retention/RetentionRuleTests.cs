using FamilyTime.Domain.Retention;

namespace FamilyTime.UnitTests.Retention;

/// <summary>
/// The disposal date of a child's case record (Care Planning, Placement and Case Review (England) Regulations 2010,
/// reg. 50(1)): the 75th birthday, or 15 years after the death of a child who died before 18.
/// </summary>
public class RetentionRuleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_living_child_s_record_is_kept_until_their_75th_birthday()
    {
        var date = RetentionRule.For(D(2010, 6, 3), null);
        Assert.Equal(D(2085, 6, 3), date.Date);
        Assert.Equal(RetentionBasis.SeventyFifthBirthday, date.Basis);
        Assert.False(date.NeedsReview);
    }

    [Fact]
    public void A_child_who_died_before_18_has_their_record_kept_15_years_from_the_death()
    {
        var date = RetentionRule.For(D(2010, 6, 3), D(2020, 1, 15));
        Assert.Equal(D(2035, 1, 15), date.Date);
        Assert.Equal(RetentionBasis.FifteenYearsAfterDeath, date.Basis);
    }

    [Fact]
    public void Death_the_day_before_the_18th_birthday_is_before_18()
    {
        var date = RetentionRule.For(D(2000, 6, 3), D(2018, 6, 2));
        Assert.Equal((D(2033, 6, 2), RetentionBasis.FifteenYearsAfterDeath), (date.Date!.Value, date.Basis));
    }

    [Fact]
    public void Death_on_the_18th_birthday_is_at_18_so_the_75th_birthday_rule_applies()
    {
        // A person attains an age at the start of the birthday (Family Law Reform Act 1969 s. 9).
        var date = RetentionRule.For(D(2000, 6, 3), D(2018, 6, 3));
        Assert.Equal((D(2075, 6, 3), RetentionBasis.SeventyFifthBirthday), (date.Date!.Value, date.Basis));
    }

    [Fact]
    public void Death_as_an_adult_keeps_the_75th_birthday()
    {
        var date = RetentionRule.For(D(1990, 1, 1), D(2025, 4, 1));
        Assert.Equal((D(2065, 1, 1), RetentionBasis.SeventyFifthBirthday), (date.Date!.Value, date.Basis));
    }

    [Fact]
    public void A_29_February_birthday_reaches_75_on_1_March_in_a_year_without_it()
    {
        // 2012 + 75 = 2087, not a leap year: the later day, so the record is never offered a day early.
        Assert.Equal(D(2087, 3, 1), RetentionRule.For(D(2012, 2, 29), null).Date);
    }

    [Fact]
    public void An_anniversary_of_29_February_stays_on_29_February_in_a_leap_year()
    {
        // A leap year 75 years on from a leap year: 1948 + 75 = 2023 is not; 75 is odd, so never. The anniversary
        // itself keeps 29 February when the target year has it.
        Assert.Equal(D(2096, 2, 29), RetentionRule.Anniversary(D(2020, 2, 29), 76));
    }

    [Fact]
    public void A_child_born_on_29_February_who_dies_on_28_February_of_a_non_leap_18th_year_died_before_18()
    {
        // Born 29 February 2008; 2026 has no 29 February, so the 18th birthday is 1 March 2026.
        var date = RetentionRule.For(D(2008, 2, 29), D(2026, 2, 28));
        Assert.Equal((D(2041, 2, 28), RetentionBasis.FifteenYearsAfterDeath), (date.Date!.Value, date.Basis));
        Assert.Equal(RetentionBasis.SeventyFifthBirthday, RetentionRule.For(D(2008, 2, 29), D(2026, 3, 1)).Basis);
    }

    [Fact]
    public void A_death_on_29_February_is_counted_15_years_on_to_1_March_when_that_year_has_no_29_February()
    {
        Assert.Equal(D(2043, 3, 1), RetentionRule.For(D(2020, 1, 1), D(2028, 2, 29)).Date);
    }

    [Fact]
    public void An_unknown_date_of_birth_gives_no_date_and_is_flagged_for_review()
    {
        var date = RetentionRule.For(null, null);
        Assert.Null(date.Date);
        Assert.True(date.NeedsReview);
        Assert.True(RetentionRule.For(null, D(2020, 1, 1)).NeedsReview);
    }

    [Fact]
    public void A_death_before_the_birth_cannot_both_be_right_so_it_is_flagged_for_review()
    {
        var date = RetentionRule.For(D(2010, 6, 3), D(2010, 6, 2));
        Assert.Null(date.Date);
        Assert.Equal(RetentionBasis.NeedsReview, date.Basis);
    }

    [Fact]
    public void The_rule_names_itself_for_the_review_list()
    {
        Assert.Contains("75th birthday", RetentionRule.For(D(2010, 6, 3), null).Rule, StringComparison.Ordinal);
        Assert.Contains("15 years", RetentionRule.For(D(2010, 6, 3), D(2012, 1, 1)).Rule, StringComparison.Ordinal);
    }
}
