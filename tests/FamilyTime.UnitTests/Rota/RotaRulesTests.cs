using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Rota;

namespace FamilyTime.UnitTests.Rota;

/// <summary>The rota's own rules in the domain: start windows by age and day, ISO weeks, postcode districts, one run at a time.</summary>
public sealed class RotaRulesTests
{
    private static readonly InfantGuidance Infants = new();
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Saturday = new(2026, 11, 28);
    private static readonly DateTime At = new(2026, 11, 17, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_school_age_child_on_a_weekday_starts_after_school_and_ends_by_seven()
    {
        var w = SessionWindow.For(new DateOnly(2016, 5, 1), Monday, new TimeOnly(10, 0), 90, Infants);
        Assert.Equal(15 * 60 + 30, w.Earliest);
        Assert.Equal(19 * 60 - 90, w.Latest);
    }

    [Fact]
    public void A_school_age_child_at_the_weekend_keeps_two_hours_either_side_of_the_planned_start()
    {
        var w = SessionWindow.For(new DateOnly(2016, 5, 1), Saturday, new TimeOnly(11, 0), 120, Infants);
        Assert.Equal(9 * 60, w.Earliest);
        Assert.Equal(13 * 60, w.Latest);
    }

    [Fact]
    public void A_baby_is_planned_in_the_daytime_whatever_the_day()
    {
        foreach (var day in new[] { Monday, Saturday })
        {
            var w = SessionWindow.For(new DateOnly(2026, 3, 1), day, new TimeOnly(17, 0), 60, Infants);
            Assert.Equal(9 * 60 + 30, w.Earliest);
            Assert.Equal(15 * 60 - 60, w.Latest);
        }
    }

    [Fact]
    public void A_session_too_long_for_its_window_still_starts_no_earlier_than_the_window()
    {
        var w = SessionWindow.For(new DateOnly(2016, 5, 1), Monday, new TimeOnly(16, 0), 240, Infants);
        Assert.Equal(15 * 60 + 30, w.Earliest);
        Assert.Equal(w.Earliest, w.Latest);
    }

    [Fact]
    public void Weeks_are_named_and_read_as_ISO_weeks()
    {
        Assert.Equal("2026-W48", RotaWeek.Name(Monday));
        Assert.Equal(Monday, RotaWeek.Parse("2026-w48"));
        Assert.Equal(Monday, RotaWeek.Parse("2026-11-26"));
        Assert.Null(RotaWeek.Parse("2026-W60"));
        Assert.Null(RotaWeek.Parse("next week"));
        Assert.Equal(Monday, RotaWeek.Next(new DateOnly(2026, 11, 17)));
    }

    [Fact]
    public void A_postcode_district_is_its_outward_code()
    {
        Assert.Equal("NE4", PostcodeDistrict.Of("ne4 6ab"));
        Assert.Equal("SW1A", PostcodeDistrict.Of("SW1A1AA"));
        Assert.Null(PostcodeDistrict.Of(" "));
    }

    [Fact]
    public void Only_one_run_of_a_week_is_under_way_and_an_ended_run_frees_the_week()
    {
        var area = Guid.NewGuid();
        var run = new RotaRun(area, Monday, false, "c", At);
        Assert.Equal(RotaRun.KeyOf(area, Monday), run.ActiveKey);
        Assert.True(run.Start(At, 3));
        Assert.False(run.Start(At, 3));
        run.Finish("{}", 1, 10, 10, 3, At);
        Assert.Null(run.ActiveKey);
        Assert.Null(run.PublishRefusal());
        run.MarkPublished("c", At);
        Assert.NotNull(run.PublishRefusal());
        Assert.Throws<ArgumentException>(() => new RotaRun(area, Saturday, false, "c", At));
    }
}
