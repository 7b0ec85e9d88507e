using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FamilyTime.Harness;

/// <summary>
/// Lost updates: two people read the same child's record, both change it and save at the same moment with the version
/// they read. Exactly one may win; the other must be told (409), and the record must then hold the winner's change.
/// A lost update is both answered 200, or the record holding anything but the winner's words.
/// </summary>
internal static class TwoWriterRaces
{
    private static readonly string[] Copied = ["firstName", "lastName", "preferredName", "dateOfBirth", "gender", "ethnicity", "firstLanguage", "familyTimeName"];

    public static async Task<int> RunAsync(HarnessOptions options, CancellationToken ct)
    {
        var log = ServerProcess.FreshStart(options);

        await using var server = await ServerProcess.StartAsync(options, log, ct);
        using var http = Api.Client(options);
        var tokenA = await Api.TokenAsync(http, "socialworker1", ct);
        var tokenB = await Api.TokenAsync(http, "socialworker1", ct);
        var child = await Api.FirstChildAsync(http, tokenA, ct);

        int oneWinner = 0, bothWon = 0, noneWon = 0, wrongFinal = 0, serverErrors = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < options.Iterations; i++)
        {
            var read = await Api.GetJsonAsync(http, $"api/v1/children/{child}", tokenA, ct);
            var body = new JsonObject();
            foreach (var name in Copied)
            {
                body[name] = read[name]?.DeepClone();
            }

            body["version"] = read["version"]!.DeepClone();
            var a = (JsonObject)body.DeepClone();
            var b = (JsonObject)body.DeepClone();
            a["preferredName"] = $"A{i}";
            b["preferredName"] = $"B{i}";

            using var start = new SemaphoreSlim(0, 2);
            var sendA = SendAsync(http, child, tokenA, a, start, ct);
            var sendB = SendAsync(http, child, tokenB, b, start, ct);
            start.Release(2);
            var (statusA, statusB) = (await sendA, await sendB);
            serverErrors += (statusA >= 500 ? 1 : 0) + (statusB >= 500 ? 1 : 0);

            var after = (await Api.GetJsonAsync(http, $"api/v1/children/{child}", tokenA, ct))["preferredName"]?.GetValue<string>();
            switch (statusA, statusB)
            {
                case (200, 409):
                    oneWinner++;
                    wrongFinal += after == $"A{i}" ? 0 : 1;
                    break;
                case (409, 200):
                    oneWinner++;
                    wrongFinal += after == $"B{i}" ? 0 : 1;
                    break;
                case (200, 200):
                    bothWon++;
                    break;
                default:
                    noneWon++;
                    Console.WriteLine($"iteration {i}: answers {statusA} and {statusB}");
                    break;
            }
        }

        var lost = bothWon + wrongFinal;
        var report = new StringBuilder()
            .AppendLine($"# Two-writer races on {(options.Engine == "sqlite" ? "SQLite" : "PostgreSQL")}")
            .AppendLine()
            .AppendLine("| figure | value |")
            .AppendLine("|---|---|")
            .AppendLine($"| iterations (two saves of one record, same version, released together) | {options.Iterations} |")
            .AppendLine($"| one 200 and one 409 | {oneWinner} |")
            .AppendLine($"| both 200 | {bothWon} |")
            .AppendLine($"| neither 200 | {noneWon} |")
            .AppendLine($"| record not holding the winner's change | {wrongFinal} |")
            .AppendLine($"| **lost updates** | **{lost}** |")
            .AppendLine($"| server errors (5xx) | {serverErrors} |")
            .AppendLine($"| wall time (s) | {clock.Elapsed.TotalSeconds:0} |")
            .AppendLine()
            .AppendLine("Each iteration reads the child with `GET /api/v1/children/{id}`, then two clients (two bearer tokens) send `PUT /api/v1/children/{id}` with the same `version` and different preferred names at the same moment, and the record is read again.");
        await File.WriteAllTextAsync(options.OutFile, report.ToString(), ct);
        Console.Write(report);
        return lost == 0 && serverErrors == 0 && noneWon == 0 ? 0 : 1;
    }

    private static async Task<int> SendAsync(HttpClient http, Guid child, string token, JsonObject body, SemaphoreSlim start, CancellationToken ct)
    {
        await start.WaitAsync(ct);
        using var request = Api.Request(HttpMethod.Put, $"api/v1/children/{child}", token);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var answer = await http.SendAsync(request, ct);
        return (int)answer.StatusCode;
    }
}
