namespace FamilyTime.Domain.Rota;

/// <summary>Where a run of the rota stands.</summary>
public enum RotaRunStatus
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
    Published = 4,
}

/// <summary>
/// One planning of an area's week, asked for by a coordinator and solved in the background: its progress while it
/// runs, its result (the plan, kept as JSON written by the web app) and, once the coordinator publishes it, when.
/// </summary>
public sealed class RotaRun : Common.IVersioned
{
    private RotaRun() { }

    public RotaRun(Guid areaId, DateOnly weekStart, bool allowMoreChanges, string requestedById, DateTime at)
    {
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException("A rota week starts on a Monday.", nameof(weekStart));
        }
        Id = Guid.NewGuid();
        AreaId = areaId;
        WeekStart = weekStart;
        AllowMoreChanges = allowMoreChanges;
        RequestedById = requestedById;
        RequestedAt = at;
        Status = RotaRunStatus.Queued;
        ActiveKey = KeyOf(areaId, weekStart);
    }

    public Guid Id { get; private set; }
    public Guid AreaId { get; private set; }
    public DateOnly WeekStart { get; private set; }
    public RotaRunStatus Status { get; private set; }

    /// <summary>
    /// The area and week while the run is queued or running, null after: a unique index on it lets only one run of a
    /// week be under way, so a second click (or a second server) finds the first instead of starting another.
    /// </summary>
    public string? ActiveKey { get; private set; }

    /// <summary>The coordinator ticked "allow more changes": a published week may move more than the usual share.</summary>
    public bool AllowMoreChanges { get; private set; }
    public string RequestedById { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>Progress while solving: seconds so far, the best plan's score, the proven bound and sessions placed.</summary>
    public double ElapsedSeconds { get; private set; }
    public long? Objective { get; private set; }
    public long? Bound { get; private set; }
    public int? Placed { get; private set; }
    public int? SessionCount { get; private set; }

    /// <summary>The plan and what it was made from, as JSON (the web app's RotaRunResult).</summary>
    public string? ResultJson { get; private set; }
    public string? Error { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedById { get; private set; }
    public int Version { get; set; }

    public bool IsUnderWay => Status is RotaRunStatus.Queued or RotaRunStatus.Running;

    /// <summary>How close the best plan so far is to the best possible: 1 when proven best, 0 when unknown.</summary>
    public double Closeness => Objective is { } o && Bound is { } b && o > 0 ? Math.Clamp((double)b / o, 0, 1) : Objective == 0 ? 1 : 0;

    public static string KeyOf(Guid areaId, DateOnly weekStart) => $"{areaId:N}:{weekStart:yyyy-MM-dd}";

    public bool Start(DateTime at, int sessions)
    {
        if (Status != RotaRunStatus.Queued)
        {
            return false;
        }
        Status = RotaRunStatus.Running;
        StartedAt = at;
        SessionCount = sessions;
        return true;
    }

    public void Report(double elapsedSeconds, long objective, long bound, int placed)
    {
        ElapsedSeconds = elapsedSeconds;
        Objective = objective;
        Bound = bound;
        Placed = placed;
    }

    public void Finish(string resultJson, double elapsedSeconds, long objective, long bound, int placed, DateTime at)
    {
        Report(elapsedSeconds, objective, bound, placed);
        ResultJson = resultJson;
        Status = RotaRunStatus.Done;
        FinishedAt = at;
        ActiveKey = null;
    }

    public void Fail(string reason, DateTime at)
    {
        Error = reason.Length > 1000 ? reason[..1000] : reason;
        Status = RotaRunStatus.Failed;
        FinishedAt = at;
        ActiveKey = null;
    }

    public string? PublishRefusal() => Status switch
    {
        RotaRunStatus.Done => null,
        RotaRunStatus.Published => "This plan has already been published.",
        _ => "Only a finished plan can be published.",
    };

    public void MarkPublished(string byId, DateTime at)
    {
        if (PublishRefusal() is { } refused)
        {
            throw new InvalidOperationException(refused);
        }
        Status = RotaRunStatus.Published;
        PublishedAt = at;
        PublishedById = byId;
    }
}
