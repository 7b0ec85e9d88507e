using System.Diagnostics;
using System.Net;
using System.Text;

namespace FamilyTime.Harness;

/// <summary>
/// Kill -9 under concurrent writes. Each round starts the server on the same database, lets several writers add people
/// to a child through the API, kills the server at a random moment and starts it again; every write the server
/// acknowledged (201 with an id) before it died must be there afterwards. Writes cut off mid-flight were never promised.
/// </summary>
internal static class CrashRounds
{
    public static async Task<int> RunAsync(HarnessOptions options, CancellationToken ct)
    {
        var log = ServerProcess.FreshStart(options);

        var random = new Random(options.Seed);
        using var http = Api.Client(options);
        string token;
        Guid child;
        await using (var first = await ServerProcess.StartAsync(options, log, ct))
        {
            token = await Api.TokenAsync(http, "socialworker1", ct);
            child = await Api.FirstChildAsync(http, token, ct);
        }

        long acknowledged = 0, lost = 0, cutOff = 0, serverErrors = 0, refused = 0;
        var startTimes = new List<double>();
        var clock = Stopwatch.StartNew();
        var pending = new List<(Guid Id, string Name)>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var started = Stopwatch.StartNew();
            await using var server = await ServerProcess.StartAsync(options, log, ct);
            startTimes.Add(started.Elapsed.TotalSeconds);
            // A run lasts longer than an access token: each round signs in afresh.
            token = await Api.TokenAsync(http, "socialworker1", ct);

            // What the last round acknowledged must have survived its kill.
            lost += await MissingAsync(http, token, child, pending, ct);
            pending.Clear();

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var acks = new List<(Guid, string)>();
            var writers = Enumerable.Range(0, options.Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"Crash R{round} W{w} N{i}";
                    try
                    {
                        using var request = Api.Request(HttpMethod.Post, $"api/v1/children/{child}/people", token,
                            new { fullName = name, relationship = "FamilyFriend", hasParentalResponsibility = false, childPlacedWithThem = false });
                        using var answer = await http.SendAsync(request, stop.Token);
                        var text = await answer.Content.ReadAsStringAsync(stop.Token);
                        if (answer.StatusCode == HttpStatusCode.Created && Api.IdOf(text) is { } id)
                        {
                            lock (acks) { acks.Add((id, name)); }
                        }
                        else if ((int)answer.StatusCode >= 500)
                        {
                            Interlocked.Increment(ref serverErrors);
                        }
                        else
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The server died under this request: it was never acknowledged.
                        Interlocked.Increment(ref cutOff);
                        await Task.Delay(20, CancellationToken.None);
                    }
                }
            }, CancellationToken.None)).ToList();

            // The kill lands at a random moment once writes are being acknowledged (a cold start is slow to answer).
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(60))
            {
                lock (acks)
                {
                    if (acks.Count > 0)
                    {
                        break;
                    }
                }

                await Task.Delay(20, ct);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 + random.Next(1800)), ct);
            server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            lock (acks) { pending.AddRange(acks); }
            acknowledged += pending.Count;
            Console.WriteLine($"round {round}/{options.Rounds}: {pending.Count} acknowledged, lost so far {lost}");
        }

        await using (var last = await ServerProcess.StartAsync(options, log, ct))
        {
            token = await Api.TokenAsync(http, "socialworker1", ct);
            lost += await MissingAsync(http, token, child, pending, ct);
        }

        var report = new StringBuilder()
            .AppendLine($"# kill -9 rounds on {(options.Engine == "sqlite" ? "SQLite" : "PostgreSQL")}")
            .AppendLine()
            .AppendLine("| figure | value |")
            .AppendLine("|---|---|")
            .AppendLine($"| rounds (server killed with SIGKILL under writes) | {options.Rounds} |")
            .AppendLine($"| concurrent writers | {options.Writers} |")
            .AppendLine($"| writes acknowledged (201 with an id) | {acknowledged} |")
            .AppendLine($"| **acknowledged writes lost** | **{lost}** |")
            .AppendLine($"| requests cut off by the kill (never acknowledged) | {cutOff} |")
            .AppendLine($"| server errors (5xx) | {serverErrors} |")
            .AppendLine($"| other refusals | {refused} |")
            .AppendLine($"| start-up after a kill, median / max (s) | {Median(startTimes):0.0} / {startTimes.Max():0.0} |")
            .AppendLine($"| wall time (s) | {clock.Elapsed.TotalSeconds:0} |")
            .AppendLine($"| seed | {options.Seed} |")
            .AppendLine()
            .AppendLine("Each round starts `dotnet FamilyTime.Web.dll` on the same database, lets the writers add people to one child through `POST /api/v1/children/{id}/people`, kills the process at a random moment 0.2 s to 2 s after the first write is acknowledged, and on the next start reads the child's people back: every acknowledged id must be there with its name.");
        await File.WriteAllTextAsync(options.OutFile, report.ToString(), ct);
        Console.Write(report);
        return lost == 0 && serverErrors == 0 ? 0 : 1;
    }

    private static async Task<long> MissingAsync(HttpClient http, string token, Guid child, List<(Guid Id, string Name)> acknowledged, CancellationToken ct)
    {
        if (acknowledged.Count == 0)
        {
            return 0;
        }

        var people = (await Api.GetJsonAsync(http, $"api/v1/children/{child}/people", token, ct)).AsArray();
        var present = people.Where(p => p is not null)
            .ToDictionary(p => p!["id"]!.GetValue<Guid>(), p => p!["fullName"]?.GetValue<string>());
        var missing = acknowledged.Count(a => !present.TryGetValue(a.Id, out var name) || name != a.Name);
        if (missing > 0)
        {
            Console.WriteLine($"LOST: {missing} acknowledged writes are not there");
        }

        return missing;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
