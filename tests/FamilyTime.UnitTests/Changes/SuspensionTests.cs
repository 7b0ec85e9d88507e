using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.UnitTests.Changes;

/// <summary>The 7-day clock of an emergency suspension, read on chosen days (no real clock).</summary>
public class SuspensionTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static Suspension Started(DateOnly? on = null)
    {
        var (s, errors) = Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), on ?? Monday, "Mum threatened to take Ava during the session.", "sw-1", on ?? Monday, anotherRunning: false);
        Assert.True(errors.IsValid);
        return s!;
    }

    [Theory]
    [InlineData(0, 1, SuspensionStage.Running)]
    [InlineData(3, 4, SuspensionStage.Running)]
    [InlineData(4, 5, SuspensionStage.Warning)]
    [InlineData(5, 6, SuspensionStage.Warning)]
    [InlineData(6, 7, SuspensionStage.Escalated)]
    [InlineData(30, 31, SuspensionStage.Escalated)]
    public void The_clock_warns_on_day_5_and_escalates_on_day_7_without_a_decision(int daysLater, int day, SuspensionStage stage)
    {
        var s = Started();
        Assert.Equal(day, s.DayOn(Monday.AddDays(daysLater)));
        Assert.Equal(stage, s.StageOn(Monday.AddDays(daysLater)));
    }

    [Fact]
    public void Day_7_is_the_last_day_and_the_window_covers_the_seven_days()
    {
        var s = Started();
        Assert.Equal(new DateOnly(2026, 11, 29), s.LastDay);
        Assert.True(s.Covers(Monday));
        Assert.True(s.Covers(s.LastDay));
        Assert.False(s.Covers(s.LastDay.AddDays(1)));
        Assert.False(s.Covers(Monday.AddDays(-1)));
    }

    [Fact]
    public void Resuming_stops_the_clock_and_shortens_the_window()
    {
        var s = Started();
        Assert.True(s.Resume(Monday.AddDays(3), Monday.AddDays(3)).IsValid);
        Assert.Equal(SuspensionStage.Resumed, s.StageOn(Monday.AddDays(10)));
        Assert.False(s.Covers(Monday.AddDays(3)));
        Assert.True(s.Covers(Monday.AddDays(2)));
    }

    [Fact]
    public void An_application_needs_both_discussions_the_advice_and_a_reference_and_then_stops_the_escalation()
    {
        var s = Started();
        var today = Monday.AddDays(5);
        var refused = s.RecordApplication(Monday.AddDays(4), "Apply to refuse contact under s34(4).", Monday.AddDays(5), "NB26C00123", today, LegalStatus.CareOrder);
        Assert.Contains("Record the discussions", refused.ByField[""][0], StringComparison.Ordinal);
        Assert.Equal(SuspensionStage.Warning, s.StageOn(today));

        Assert.True(s.RecordDiscussion(withManager: true, Monday.AddDays(1), today).IsValid);
        Assert.True(s.RecordDiscussion(withManager: false, Monday.AddDays(2), today).IsValid);
        Assert.False(s.RecordApplication(Monday.AddDays(4), " ", Monday.AddDays(5), "", today, LegalStatus.CareOrder).IsValid);
        Assert.False(s.RecordApplication(Monday.AddDays(5), "Advice", Monday.AddDays(4), "NB26C00123", today, LegalStatus.CareOrder).IsValid);
        Assert.True(s.RecordApplication(Monday.AddDays(4), "Apply to refuse contact under s34(4).", Monday.AddDays(5), "NB26C00123", today, LegalStatus.CareOrder).IsValid);

        Assert.Equal(SuspensionStage.ApplicationMade, s.StageOn(Monday.AddDays(9)));
        Assert.False(s.Resume(Monday.AddDays(6), Monday.AddDays(6)).IsValid);
    }

    [Fact]
    public void Starting_needs_reasons_a_date_not_in_the_future_and_no_other_suspension()
    {
        Assert.True(Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), Monday, "  ", "sw", Monday, false).Errors.ByField.ContainsKey("Reasons"));
        Assert.True(Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), Monday.AddDays(1), "Threats", "sw", Monday, false).Errors.ByField.ContainsKey("StartedOn"));
        Assert.True(Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), Monday.AddDays(-7), "Threats", "sw", Monday, false).Errors.ByField.ContainsKey("StartedOn"));
        Assert.True(Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), Monday.AddDays(-6), "Threats", "sw", Monday, false).Errors.IsValid);
        Assert.True(Suspension.Start(Guid.NewGuid(), Guid.NewGuid(), Monday, "Threats", "sw", Monday, true).Errors.ByField.ContainsKey(""));
    }

    [Fact]
    public void Dates_outside_the_suspension_are_refused()
    {
        var s = Started();
        Assert.False(s.RecordDiscussion(true, Monday.AddDays(-1), Monday.AddDays(2)).IsValid);
        Assert.False(s.RecordDiscussion(true, Monday.AddDays(3), Monday.AddDays(2)).IsValid);
        Assert.False(s.Resume(null, Monday).IsValid);
    }
}
