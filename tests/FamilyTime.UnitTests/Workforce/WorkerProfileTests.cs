using FamilyTime.Domain.Workforce;

namespace FamilyTime.UnitTests.Workforce;

public class WorkerProfileTests
{
    private static readonly Guid Area = Guid.NewGuid();
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static WorkerProfileDetails Details(IReadOnlyList<WorkingHours>? pattern = null, string? languages = "Polish, urdu, polish", int? hours = 37, string? postcode = "LS6 2AB") =>
        new(Area, pattern ?? [new(DayOfWeek.Monday, new(9, 0), new(17, 0)), new(DayOfWeek.Tuesday, new(11, 0), new(19, 0))], languages, true, hours, postcode);

    private static WorkerProfile Profile(IReadOnlyList<WorkingHours>? pattern = null) => WorkerProfile.Create("u1", Details(pattern)).Profile!;

    [Fact]
    public void A_worker_is_available_in_their_pattern_for_the_weekday()
    {
        var windows = Profile().AvailableWindows(Tuesday, []);
        Assert.Equal([new TimeWindow(new(11, 0), new(19, 0))], windows);
        Assert.True(Profile().IsAvailable(Tuesday, new(15, 30), new(17, 0), []));
        Assert.False(Profile().IsAvailable(Tuesday, new(10, 0), new(11, 30), []));
    }

    [Fact]
    public void A_day_not_in_the_pattern_has_no_available_window()
    {
        Assert.Empty(Profile().AvailableWindows(Tuesday.AddDays(1), []));
    }

    [Fact]
    public void A_worker_on_leave_has_no_available_window_that_day_and_leave_of_others_does_not_count()
    {
        var leave = new WorkerLeave("u1", Tuesday, Tuesday.AddDays(4), "Annual leave");
        Assert.Empty(Profile().AvailableWindows(Tuesday, [leave]));
        Assert.NotEmpty(Profile().AvailableWindows(Tuesday, [new WorkerLeave("someone else", Tuesday, Tuesday, "Sickness")]));
        Assert.NotEmpty(Profile().AvailableWindows(Tuesday.AddDays(6), [leave]));
    }

    [Fact]
    public void A_profile_needs_an_area_sensible_hours_a_readable_postcode_and_one_stretch_per_day_ending_after_it_starts()
    {
        var bad = new WorkerProfileDetails(null, [new(DayOfWeek.Monday, new(17, 0), new(9, 0)), new(DayOfWeek.Friday, new(9, 0), new(12, 0)), new(DayOfWeek.Friday, new(13, 0), new(17, 0))],
            null, false, 0, "nowhere");
        var errors = bad.Validate().ByField;
        Assert.Equal(["AreaId", "BasePostcode", "MaxHoursPerWeek", "Pattern.Friday", "Pattern.Monday"], errors.Keys.Order());
        Assert.True(Details().Validate().IsValid);
    }

    [Fact]
    public void Languages_are_kept_each_once_in_the_order_typed()
    {
        Assert.Equal(["Polish", "urdu"], Profile().Languages);
        Assert.True(Profile().Speaks("URDU"));
    }

    [Fact]
    public void Trained_to_assess_is_not_kept_on_the_profile_only_driving_is()
    {
        var profile = Profile();
        Assert.Equal(WorkerSkills.Driver, profile.Skills);
        Assert.True(profile.IsDriver);
    }

    [Fact]
    public void The_pattern_reads_in_a_line_with_days_of_the_same_hours_run_together()
    {
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday }.Select(d => new WorkingHours(d, new(9, 0), new(17, 0)))
            .Append(new WorkingHours(DayOfWeek.Saturday, new(10, 0), new(14, 0))).ToList();
        Assert.Equal("Mon to Wed 09:00–17:00; Sat 10:00–14:00", Profile(week).PatternSummary());
    }
}
