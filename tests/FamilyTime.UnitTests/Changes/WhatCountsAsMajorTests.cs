using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Changes;

/// <summary>
/// Issue 10, item 4: shorter sessions are a reduction of family time and go to the IRO; moving the time stays minor
/// unless it moves a school-age child's session into school hours; the list of what is major carries its reasons.
/// </summary>
public class WhatCountsAsMajorTests
{
    // Mara is 8 on Monday 23 November 2026: of school age.
    private static readonly DateOnly SchoolAge = Valid.DateOfBirth;
    private static readonly DateOnly Preschool = D(2023, 1, 10);

    /// <summary>Tuesdays after school, 16:00 for 90 minutes.</summary>
    private static readonly ArrangementDetails AfterSchool = Arrangement(Mum) with
    {
        Days = new HashSet<DayOfWeek> { DayOfWeek.Tuesday },
        StartTime = new TimeOnly(16, 0),
    };

    [Fact]
    public void Shorter_sessions_are_a_reduction_of_family_time_and_go_to_the_IRO()
    {
        Assert.Equal(ChangeKinds.Duration, MajorChanges.Between(AfterSchool, AfterSchool with { DurationMinutes = 60 }));
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(AfterSchool, AfterSchool with { DurationMinutes = 120 }));
        Assert.Equal("shorter sessions", MajorChanges.Describe(ChangeKinds.Duration));
    }

    [Fact]
    public void Moving_the_time_stays_minor_outside_school_hours() =>
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(AfterSchool, AfterSchool with { StartTime = new TimeOnly(16, 30) }, SchoolAge, Today));

    [Theory]
    [InlineData(13, 0)]
    [InlineData(8, 0)]
    [InlineData(15, 0)]
    public void Moving_a_school_age_childs_session_into_school_hours_is_major(int hour, int minute) =>
        Assert.Equal(ChangeKinds.SchoolHours, MajorChanges.Between(AfterSchool, AfterSchool with { StartTime = new TimeOnly(hour, minute) }, SchoolAge, Today));

    [Fact]
    public void Moving_a_preschool_childs_session_into_the_school_day_is_minor() =>
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(AfterSchool, AfterSchool with { StartTime = new TimeOnly(13, 0) }, Preschool, Today));

    [Fact]
    public void A_weekend_session_is_never_in_school_hours()
    {
        var saturday = Arrangement(Mum) with { StartTime = new TimeOnly(16, 0) };
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(saturday, saturday with { StartTime = new TimeOnly(10, 0) }, SchoolAge, Today));
    }

    [Fact]
    public void A_session_already_in_school_hours_moving_within_them_is_minor()
    {
        var lunchtime = AfterSchool with { StartTime = new TimeOnly(12, 0) };
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(lunchtime, lunchtime with { StartTime = new TimeOnly(13, 0) }, SchoolAge, Today));
    }

    [Theory]
    [InlineData(FamilyTimePlace.CarersHome)]
    [InlineData(FamilyTimePlace.FamilyHome)]
    public void Moving_family_time_out_of_a_venue_is_a_change_of_where(FamilyTimePlace place) =>
        Assert.Equal(ChangeKinds.Venue, MajorChanges.Between(AfterSchool, AfterSchool with { Place = place, VenueId = null, RoomId = null }));

    [Fact]
    public void Every_kind_of_major_change_is_listed_once_with_its_reason()
    {
        var kinds = Enum.GetValues<ChangeKinds>().Where(k => k != ChangeKinds.None).ToList();
        Assert.Equal(kinds.Order(), MajorChanges.Rules.Select(r => r.Kind).Order());
        Assert.All(MajorChanges.Rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.What));
            Assert.False(string.IsNullOrWhiteSpace(r.Why));
        });
    }
}
