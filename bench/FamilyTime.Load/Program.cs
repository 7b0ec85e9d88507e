using System.Globalization;
using System.Runtime.InteropServices;
using FamilyTime.Load;

// Entry point: parse options, prepare virtual users (sign-in once each), run every
// scenario at every user count, then print Markdown and write JSON.

var options = LoadOptions.Parse(args);
if (options is null)
{
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C stops cleanly (sockets closed, exit code 130); a second one kills the process.
    e.Cancel = !cts.IsCancellationRequested;
    cts.Cancel();
};

var users = new List<VirtualUser>();
try
{
    var ct = cts.Token;
    var scenarios = options.Scenarios;
    var needsSession = scenarios.Any(s => s is "mychildren" or "child");
    var needsIds = scenarios.Any(s => s is "child" or "api");
    var onlyCeiling = scenarios.All(s => s == "ceiling");
    if (!onlyCeiling && scenarios.Contains("ceiling"))
    {
        throw new BenchSetupException("'ceiling' targets the ceiling app, not FamilyTime; run it on its own --base.");
    }

    Console.Error.WriteLine($"waiting for {options.BaseUri} ...");
    await FamilyTimeClient.WaitUntilReadyAsync(
        options.BaseUri, onlyCeiling ? "ping" : "health", TimeSpan.FromSeconds(options.ReadyTimeoutSeconds), ct);

    var maxUsers = options.UserCounts.Max();
    var timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
    for (var i = 0; i < maxUsers; i++)
    {
        users.Add(new VirtualUser(i, options.BaseUri, timeout));
    }

    if (needsSession)
    {
        // One sign-in per virtual user for the whole process: sign-in is rate limited per IP and
        // deliberately slow (password hashing), so it must never be part of the measured loop.
        Console.Error.WriteLine($"signing in {maxUsers} virtual user(s) as '{options.UserName}' (sign-in is rate limited; 429s are waited out) ...");
        foreach (var user in users)
        {
            await FamilyTimeClient.SignInAsync(user.Html, options.UserName, options.Password, ct);
        }
    }

    IReadOnlyList<Guid> childIds = [];
    if (needsIds)
    {
        var token = await FamilyTimeClient.GetAccessTokenAsync(users[0].Api, options.UserName, options.Password, ct);
        childIds = await FamilyTimeClient.GetChildIdsAsync(users[0].Api, token, ct);
        Console.Error.WriteLine($"{childIds.Count} reachable child id(s) for '{options.UserName}'");
        foreach (var user in users)
        {
            user.UseBearer(token);
        }
    }

    Guid RandomChild() => childIds[Random.Shared.Next(childIds.Count)];
    LoadRunner.RequestFactory FactoryFor(string scenario) => scenario switch
    {
        "mychildren" => u => (u.Html, new HttpRequestMessage(HttpMethod.Get, "Children")),
        "child" => u => (u.Html, new HttpRequestMessage(HttpMethod.Get, $"Children/{RandomChild()}")),
        "api" => u => (u.Api, new HttpRequestMessage(HttpMethod.Get, $"api/v1/children/{RandomChild()}")),
        "ceiling" => u => (u.Api, new HttpRequestMessage(HttpMethod.Get, "ping")),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario"),
    };

    var runs = new List<RunResult>();
    foreach (var scenario in scenarios)
    {
        foreach (var count in options.UserCounts)
        {
            Console.Error.WriteLine($"running {scenario} with {count} user(s): {options.WarmupSeconds}s warm-up + {options.Seconds}s measured ...");
            var result = await LoadRunner.RunAsync(
                scenario,
                users.Take(count).ToList(),
                FactoryFor(scenario),
                TimeSpan.FromSeconds(options.WarmupSeconds),
                TimeSpan.FromSeconds(options.Seconds),
                ct);
            runs.Add(result);
            Console.Error.WriteLine("  " + Report.OneLine(result));
        }
    }

    var markdown = Report.ToMarkdown(runs);
    Console.WriteLine(markdown);
    if (options.MarkdownPath is { } mdPath)
    {
        await File.WriteAllTextAsync(mdPath, markdown, ct);
    }

    if (options.OutPath is { } outPath)
    {
        var report = new BenchReport(
            options.BaseUri.ToString(),
            TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            RuntimeInformation.FrameworkDescription,
            onlyCeiling ? "" : options.UserName,
            childIds.Count,
            options.WarmupSeconds,
            runs);
        await File.WriteAllTextAsync(outPath, Report.ToJson(report), ct);
        Console.Error.WriteLine($"wrote {Path.GetFullPath(outPath)}");
    }

    // Non-2xx answers mean the numbers describe errors, not pages: make scripts notice.
    return runs.Any(r => r.Non2xx > 0 || r.TransportErrors > 0) ? 3 : 0;
}
catch (BenchSetupException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"error: HTTP failure during setup: {ex.Message}");
    return 1;
}
finally
{
    foreach (var user in users)
    {
        user.Dispose();
    }
}
