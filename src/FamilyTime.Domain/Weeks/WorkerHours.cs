namespace FamilyTime.Domain.Weeks;

/// <summary>What a worker does at one session: runs it, is its second worker, or drives the child.</summary>
public enum WorkerPart
{
    Supervisor = 1,
    SecondWorker = 2,
    Driver = 3,
}

/// <summary>One worker's part in one session, with its length, for adding up a week.</summary>
public sealed record WorkerStint(string WorkerId, DateOnly Date, WorkerPart Part, int Minutes, bool Cancelled);

/// <summary>
/// A worker's hours in a week, day by day. The hours counted are the sessions they supervise or are second worker
/// at, as booked; a cancelled session takes no time, and driving is not counted because the journey's length is
/// not known here (the rota's travel rule covers it).
/// </summary>
public static class WorkerHours
{
    public static bool Counts(WorkerStint stint)
    {
        ArgumentNullException.ThrowIfNull(stint);
        return !stint.Cancelled && stint.Part is (WorkerPart.Supervisor or WorkerPart.SecondWorker) && stint.Minutes > 0;
    }

    /// <summary>Minutes per worker per day, counting only what <see cref="Counts"/> allows.</summary>
    public static IReadOnlyDictionary<(string WorkerId, DateOnly Date), int> ByDay(IEnumerable<WorkerStint> stints) =>
        stints.Where(Counts).GroupBy(s => (s.WorkerId, s.Date)).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));

    /// <summary>Minutes per worker for the whole of what is given (a week).</summary>
    public static IReadOnlyDictionary<string, int> Total(IEnumerable<WorkerStint> stints) =>
        stints.Where(Counts).GroupBy(s => s.WorkerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes), StringComparer.Ordinal);

    /// <summary>"7 hours 30 minutes", "45 minutes", "no time": how a page says a number of minutes.</summary>
    public static string Describe(int minutes)
    {
        if (minutes <= 0)
        {
            return "no time";
        }
        var (h, m) = (minutes / 60, minutes % 60);
        var hours = h == 0 ? "" : h == 1 ? "1 hour" : $"{h} hours";
        var mins = m == 0 ? "" : m == 1 ? "1 minute" : $"{m} minutes";
        return string.Join(" ", new[] { hours, mins }.Where(x => x.Length > 0));
    }
}
