using FamilyTime.Domain.Scheduling;

namespace FamilyTime.UnitTests;

public sealed class ScheduledJobTests
{
    private static readonly DateTime Due = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_job_is_due_from_its_time_and_not_before()
    {
        var job = ScheduledJob.Create("suspension-day-5:1", "suspension-warning", Guid.NewGuid(), Due);

        Assert.False(job.IsDue(Due.AddSeconds(-1)));
        Assert.True(job.IsDue(Due));
        Assert.True(job.IsDue(Due.AddDays(3)));
        Assert.Equal(JobStatus.Pending, job.Status);
    }

    [Fact]
    public void A_job_that_ran_is_done_and_never_due_again()
    {
        var job = ScheduledJob.Create("k", "deadline-sweep", null, Due);

        job.Succeeded(Due.AddMinutes(1));

        Assert.Equal(JobStatus.Done, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(Due.AddMinutes(1), job.LastRunAt);
        Assert.False(job.IsDue(Due.AddYears(1)));
    }

    [Fact]
    public void A_failed_job_waits_twice_as_long_before_each_new_attempt()
    {
        var job = ScheduledJob.Create("k", "deadline-sweep", null, Due);
        var at = Due;
        var waits = new List<double>();
        for (var attempt = 1; attempt < ScheduledJob.MaxAttempts; attempt++)
        {
            job.AttemptFailed($"failure {attempt}", at);
            waits.Add((job.DueAt - at).TotalMinutes);
            Assert.Equal(JobStatus.Pending, job.Status);
            Assert.False(job.IsDue(job.DueAt.AddSeconds(-1)));
            Assert.True(job.IsDue(job.DueAt));
            at = job.DueAt;
        }

        Assert.Equal([2d, 4d, 8d, 16d], waits);
        Assert.Equal(ScheduledJob.MaxAttempts - 1, job.Attempts);
        Assert.Equal("failure 4", job.LastError);
    }

    [Fact]
    public void After_the_last_attempt_fails_the_job_stays_failed_and_is_never_due()
    {
        var job = ScheduledJob.Create("k", "deadline-sweep", null, Due);
        for (var attempt = 1; attempt <= ScheduledJob.MaxAttempts; attempt++)
        {
            job.AttemptFailed("database unavailable", job.DueAt);
        }
        var dueWhenFailed = job.DueAt;

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ScheduledJob.MaxAttempts, job.Attempts);
        Assert.Equal("database unavailable", job.LastError);
        Assert.False(job.IsDue(dueWhenFailed.AddYears(1)));
    }

    [Fact]
    public void A_success_after_failures_clears_the_error()
    {
        var job = ScheduledJob.Create("k", "deadline-sweep", null, Due);
        job.AttemptFailed("timeout", Due);

        job.Succeeded(job.DueAt);

        Assert.Equal(JobStatus.Done, job.Status);
        Assert.Null(job.LastError);
        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public void A_job_needs_a_key_and_a_kind()
    {
        Assert.ThrowsAny<ArgumentException>(() => ScheduledJob.Create("", "kind", null, Due));
        Assert.ThrowsAny<ArgumentException>(() => ScheduledJob.Create("key", " ", null, Due));
    }
}
