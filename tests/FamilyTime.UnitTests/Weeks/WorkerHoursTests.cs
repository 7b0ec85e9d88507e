using FamilyTime.Domain.Weeks;

namespace FamilyTime.UnitTests.Weeks;

public sealed class WorkerHoursTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void A_workers_hours_add_up_the_sessions_they_supervise_or_are_second_worker_at()
    {
        WorkerStint[] stints =
        [
            new("tom", Monday, WorkerPart.Supervisor, 90, false),
            new("tom", Monday, WorkerPart.SecondWorker, 60, false),
            new("tom", Monday.AddDays(2), WorkerPart.Supervisor, 120, false),
            new("ana", Monday, WorkerPart.Supervisor, 90, false),
        ];
        var total = WorkerHours.Total(stints);
        Assert.Equal(270, total["tom"]);
        Assert.Equal(90, total["ana"]);
        var byDay = WorkerHours.ByDay(stints);
        Assert.Equal(150, byDay[("tom", Monday)]);
        Assert.Equal(120, byDay[("tom", Monday.AddDays(2))]);
    }

    [Fact]
    public void Cancelled_sessions_and_driving_take_no_hours()
    {
        WorkerStint[] stints =
        [
            new("tom", Monday, WorkerPart.Supervisor, 90, Cancelled: true),
            new("tom", Monday, WorkerPart.Driver, 90, false),
        ];
        Assert.Empty(WorkerHours.Total(stints));
    }

    [Theory]
    [InlineData(0, "no time")]
    [InlineData(45, "45 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(61, "1 hour 1 minute")]
    [InlineData(450, "7 hours 30 minutes")]
    public void Hours_are_said_in_words(int minutes, string words) => Assert.Equal(words, WorkerHours.Describe(minutes));
}
