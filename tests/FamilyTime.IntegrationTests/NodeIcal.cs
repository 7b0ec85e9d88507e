using System.Diagnostics;
using System.Text.Json;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// Reads an iCalendar text with node-ical, an outside parser run by node (ical/parse.cjs), so a feed is checked as
/// a calendar app reads it, not through Ical.Net, which wrote it. node comes from test.sh (Debian's nodejs) and
/// node-ical from npm through the build (the InstallIcalParser target); if either is missing the test fails,
/// saying what to install, rather than passing without having read anything.
/// </summary>
internal static class NodeIcal
{
    public sealed record Event(string Uid, int? Sequence, string? Status, DateTime? Start, DateTime? End, DateTime? LastModified, DateTime? Dtstamp, string? Summary);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<Event>> ParseAsync(string ics)
    {
        var folder = Folder();
        var node = OnPath("node") ?? throw new InvalidOperationException(
            "node was not found on PATH: the calendar tests read the feeds with node-ical, an outside iCalendar parser. Install Node.js (test.sh installs Debian's nodejs and npm).");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "node-ical")))
        {
            throw new InvalidOperationException($"node-ical is not installed in {folder}: build the integration tests (it runs npm ci there) or run 'npm ci' in that folder.");
        }
        var file = Path.Combine(Path.GetTempPath(), $"familytime-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var start = new ProcessStartInfo(node) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(folder, "parse.cjs"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"node-ical could not read the feed: {await errors}");
            return JsonSerializer.Deserialize<List<Event>>(await output, Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The ical folder of this test project's sources, found upwards from the test binaries.</summary>
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var here = Path.Combine(dir.FullName, "ical");
            if (File.Exists(Path.Combine(here, "parse.cjs")))
            {
                return here;
            }
            var fromRoot = Path.Combine(dir.FullName, "tests", "FamilyTime.IntegrationTests", "ical");
            if (File.Exists(Path.Combine(fromRoot, "parse.cjs")))
            {
                return fromRoot;
            }
        }
        throw new InvalidOperationException("The node-ical runner (tests/FamilyTime.IntegrationTests/ical/parse.cjs) was not found above " + AppContext.BaseDirectory);
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
