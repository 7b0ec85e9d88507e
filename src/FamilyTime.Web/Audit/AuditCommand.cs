using System.Data.Common;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Audit;

/// <summary>
/// <c>familytime audit verify [--anchor-file PATH]</c>: walks the whole audit chain and names the first entry that does
/// not fit, and, with an anchor file (<c>Audit:AnchorFile</c>, or the path given), whether newest entries were cut off.
/// </summary>
public static class AuditCommand
{
    public const string Usage = """
        Usage: familytime audit verify [--anchor-file PATH]
          Checks every audit entry against the one before it and against the anchors written to Audit:AnchorFile
          (or PATH, such as a copy kept elsewhere). Exit 0: the chain is intact; 1: it is not; 2: wrong use or settings.
        """;

    /// <summary>Whether the process was started as this command rather than the web service.</summary>
    public static bool Asked(string[] args) => args is ["audit", ..];

    /// <returns>The process exit code: 0 chain intact, 1 broken or cut off, 2 wrong use or settings.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? anchorFile;
        switch (args)
        {
            case ["audit", "verify"]:
                anchorFile = services.GetRequiredService<IOptions<AuditAnchorOptions>>().Value.AnchorFile;
                break;
            case ["audit", "verify", "--anchor-file", var path] when !string.IsNullOrWhiteSpace(path):
                anchorFile = path;
                break;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }

        IReadOnlyDictionary<long, AuditAnchorLine> anchors = new Dictionary<long, AuditAnchorLine>();
        if (!string.IsNullOrWhiteSpace(anchorFile))
        {
            if (!File.Exists(anchorFile))
            {
                await error.WriteLineAsync($"The anchor file {anchorFile} does not exist. The service writes it within Audit:AnchorEveryMinutes of starting; check the path.");
                return 2;
            }
            try
            {
                anchors = await AuditAnchor.ReadAsync(anchorFile, ct);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"The anchor file could not be read: {ex.Message}");
                return 2;
            }
        }

        AuditWalkResult result;
        try
        {
            await using var scope = services.CreateAsyncScope();
            result = await scope.ServiceProvider.GetRequiredService<AuditChainWalk>().WalkAsync(anchors, ct);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"The audit log could not be read: {ex.Message}");
            return 2;
        }

        await output.WriteLineAsync($"Checked {result.Checked} audit entries.");
        if (result.FirstBreak is { } broken)
        {
            await output.WriteLineAsync($"First broken link: entry {broken.Sequence}: {broken.Reason}.");
            return 1;
        }
        // The chain links up; an anchor naming an entry beyond its end shows the newest entries were removed.
        if (anchors.Values.Where(a => a.Sequence > result.HeadSequence).MaxBy(a => a.Sequence) is { } cut)
        {
            await output.WriteLineAsync(
                $"Newest entries cut off: the chain ends at entry {result.HeadSequence} but the anchor written at {cut.WrittenAt:yyyy-MM-dd HH:mm:ss} UTC recorded entry {cut.Sequence}.");
            return 1;
        }
        var anchored = string.IsNullOrWhiteSpace(anchorFile) ? "no anchor file set (Audit:AnchorFile), so cut-off newest entries cannot be seen"
            : $"it matches the {anchors.Count} anchors in {anchorFile}";
        await output.WriteLineAsync($"Chain intact ({anchored}).");
        return 0;
    }
}
