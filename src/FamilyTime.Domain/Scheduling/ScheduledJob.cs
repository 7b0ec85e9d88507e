namespace FamilyTime.Domain.Scheduling;

public enum JobStatus
{
    Pending = 1,
    Done = 2,
    Failed = 3,
}

/// <summary>
/// Work the service must do at a time (a suspension's day 5 and day 7, the nightly deadline sweep). Jobs are rows
/// in the database, so a restart loses none: whatever fell due while the service was down runs when it is back.
/// Each key is unique, and every job's work is written to be safe to run again.
/// </summary>
public sealed class ScheduledJob
{
    public const int MaxAttempts = 5;

    private ScheduledJob() { }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public Guid? SubjectId { get; private set; }
    public DateTime DueAt { get; private set; }
    public JobStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? LastRunAt { get; private set; }
    public string? LastError { get; private set; }
    public int Version { get; set; }

    public static ScheduledJob Create(string key, string kind, Guid? subjectId, DateTime dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new ScheduledJob { Id = Guid.NewGuid(), Key = key, Kind = kind, SubjectId = subjectId, DueAt = dueAt, Status = JobStatus.Pending };
    }

    public bool IsDue(DateTime now) => Status == JobStatus.Pending && DueAt <= now;

    public void Succeeded(DateTime at)
    {
        Attempts++;
        LastRunAt = at;
        LastError = null;
        Status = JobStatus.Done;
    }

    /// <summary>Tries again later, a little later each time; after the last attempt it stays failed for an administrator to see.</summary>
    public void AttemptFailed(string error, DateTime at)
    {
        Attempts++;
        LastRunAt = at;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = JobStatus.Failed;
        }
        else
        {
            DueAt = at.AddMinutes(Math.Pow(2, Attempts));
        }
    }
}
