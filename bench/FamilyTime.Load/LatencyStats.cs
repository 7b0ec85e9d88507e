using System.Diagnostics;

namespace FamilyTime.Load;

/// <summary>Summary of one run; latencies are per request, send to last body byte, in milliseconds.</summary>
internal sealed record RunResult(
    string Scenario,
    int Users,
    double Seconds,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double MeanMs,
    long Non2xx,
    long TransportErrors,
    SortedDictionary<string, long> StatusCounts);

internal static class LatencyStats
{
    /// <summary>Nearest-rank percentile (p in 0..100) of an ascending array; NaN when empty.</summary>
    public static double Percentile(long[] sortedTicks, double p)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }

        // Nearest rank: the smallest value with at least p% of samples at or below it.
        var rank = (int)Math.Ceiling(p / 100.0 * sortedTicks.Length);
        var index = Math.Clamp(rank - 1, 0, sortedTicks.Length - 1);
        return TicksToMs(sortedTicks[index]);
    }

    public static double TicksToMs(double ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public static RunResult Summarise(
        string scenario, int users, double seconds, long[] ticks, IReadOnlyDictionary<int, long> statuses)
    {
        Array.Sort(ticks);
        long non2xx = 0, transport = 0;
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (status, count) in statuses)
        {
            // Status 0 is our marker for "no HTTP answer" (connection refused/reset, timeout).
            if (status == 0)
            {
                transport += count;
            }
            else if (status is < 200 or > 299)
            {
                non2xx += count;
            }

            counts[status == 0 ? "error" : status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
        }

        double mean = ticks.Length == 0 ? double.NaN : TicksToMs(ticks.Average(t => (double)t));
        return new RunResult(
            scenario,
            users,
            Math.Round(seconds, 2),
            ticks.Length,
            Math.Round(ticks.Length / seconds, 1),
            Round(Percentile(ticks, 50)),
            Round(Percentile(ticks, 95)),
            Round(Percentile(ticks, 99)),
            Round(Percentile(ticks, 100)),
            Round(mean),
            non2xx,
            transport,
            counts);
    }

    private static double Round(double ms) => double.IsNaN(ms) ? ms : Math.Round(ms, 2);
}
