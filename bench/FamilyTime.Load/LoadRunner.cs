using System.Diagnostics;

namespace FamilyTime.Load;

/// <summary>
/// Closed-loop load: each virtual user sends one request, reads the whole body, then sends the next
/// (no think time), so throughput is what the server sustains at that concurrency.
/// Requests started during warm-up are discarded; requests started in the measured window count,
/// and no request is started after it ends.
/// </summary>
internal static class LoadRunner
{
    /// <summary>Builds the request and picks the client for one iteration of one virtual user.</summary>
    public delegate (HttpClient Client, HttpRequestMessage Request) RequestFactory(VirtualUser user);

    public static async Task<RunResult> RunAsync(
        string scenario,
        IReadOnlyList<VirtualUser> users,
        RequestFactory factory,
        TimeSpan warmup,
        TimeSpan measured,
        CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);

        var workers = users.Select(u => Task.Run(() => WorkerAsync(u, factory, measureFrom, measureTo, ct), ct)).ToArray();
        var results = await Task.WhenAll(workers);

        var statuses = new Dictionary<int, long>();
        var total = results.Sum(r => r.Ticks.Count);
        var ticks = new long[total];
        var offset = 0;
        foreach (var r in results)
        {
            r.Ticks.CopyTo(ticks, offset);
            offset += r.Ticks.Count;
            foreach (var (status, count) in r.Statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }
        }

        return LatencyStats.Summarise(scenario, users.Count, measured.TotalSeconds, ticks, statuses);
    }

    private static async Task<WorkerResult> WorkerAsync(
        VirtualUser user, RequestFactory factory, long measureFrom, long measureTo, CancellationToken ct)
    {
        // Pre-size for a fast endpoint so list growth does not disturb the measurement.
        var result = new WorkerResult(new List<long>(64 * 1024), []);
        while (true)
        {
            var begin = Stopwatch.GetTimestamp();
            if (begin >= measureTo)
            {
                return result;
            }

            ct.ThrowIfCancellationRequested();
            var (client, request) = factory(user);
            int status;
            using (request)
            {
                try
                {
                    // ResponseContentRead: the timing includes downloading the whole page.
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    status = 0; // HttpClient.Timeout elapsed
                }
            }

            var elapsed = Stopwatch.GetTimestamp() - begin;
            if (begin < measureFrom)
            {
                continue;
            }

            result.Statuses[status] = result.Statuses.GetValueOrDefault(status) + 1;
            if (status != 0)
            {
                result.Ticks.Add(elapsed);
            }
            else
            {
                // Do not spin at full speed against a dead server.
                await Task.Delay(100, ct);
            }
        }
    }

    private sealed record WorkerResult(List<long> Ticks, Dictionary<int, long> Statuses);
}
