using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FamilyTime.Load;

internal sealed record BenchReport(
    string BaseUrl,
    string StartedUtc,
    string Machine,
    int ProcessorCount,
    string Runtime,
    string UserName,
    int ChildIds,
    double WarmupSeconds,
    IReadOnlyList<RunResult> Runs);

/// <summary>Writes results as JSON (for tooling) and as a Markdown table (for people and notes).</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A run with no answers has NaN percentiles; keep them visible rather than failing the write.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson(BenchReport report) => JsonSerializer.Serialize(report, JsonOptions);

    public static string ToMarkdown(IEnumerable<RunResult> runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Scenario | Users | Requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Users} | {r.Requests} | {r.RequestsPerSecond:0.0} | {Ms(r.P50Ms)} | {Ms(r.P95Ms)} | {Ms(r.P99Ms)} | {Ms(r.MaxMs)} | {r.Non2xx} | {r.TransportErrors} |");
        }

        return sb.ToString();
    }

    public static string OneLine(RunResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Scenario,-10} users={r.Users,-4} {r.RequestsPerSecond,9:0.0} req/s  p50={Ms(r.P50Ms)} p95={Ms(r.P95Ms)} p99={Ms(r.P99Ms)} max={Ms(r.MaxMs)} ms  non2xx={r.Non2xx} errors={r.TransportErrors}");

    private static string Ms(double ms) =>
        double.IsNaN(ms) ? "-" : ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
