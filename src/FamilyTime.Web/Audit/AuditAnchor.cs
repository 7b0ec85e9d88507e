using System.Globalization;
using System.Text;
using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Audit;

public sealed class AuditAnchorOptions
{
    /// <summary>The append-only file the chain's head is written to; no anchors when unset.</summary>
    public string? AnchorFile { get; set; }

    public int AnchorEveryMinutes { get; set; } = 60;
}

/// <summary>One line of the anchor file: the newest entry's sequence and hash when it was written.</summary>
public sealed record AuditAnchorLine(long Sequence, string Hash, DateTime WrittenAt);

/// <summary>
/// The chain's head written outside the database. The chain alone cannot show its newest entries cut off (what
/// is left still links up); an anchor kept elsewhere can, because it names an entry, and its hash, that must still be there.
/// Each line is "sequence hash time", appended, never rewritten.
/// </summary>
public sealed class AuditAnchor(FamilyTimeDbContext db, TimeProvider clock, IOptions<AuditAnchorOptions> options)
{
    /// <summary>Appends the chain's head to the anchor file; answers what was written, or null with no file set or no entries yet.</summary>
    public async Task<AuditAnchorLine?> WriteAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AnchorFile))
        {
            return null;
        }
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var line = new AuditAnchorLine(head.Sequence, head.Hash, clock.GetUtcNow().UtcDateTime);
        var path = options.Value.AnchorFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(Format(line) + "\n");
        await file.WriteAsync(bytes, ct);
        // On disk before the next entry could be cut off: an anchor lost in a crash anchors nothing.
        file.Flush(flushToDisk: true);
        return line;
    }

    public static string Format(AuditAnchorLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line.Sequence} {line.Hash} {line.WrittenAt:yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>Reads every anchor in the file, keyed by sequence (the latest line wins); throws <see cref="FormatException"/> naming a line that is not an anchor.</summary>
    public static async Task<IReadOnlyDictionary<long, AuditAnchorLine>> ReadAsync(string path, CancellationToken ct)
    {
        var anchors = new Dictionary<long, AuditAnchorLine>();
        var number = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, ct))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                || parts[1].Length != 64
                || !DateTime.TryParseExact(parts[2], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new FormatException($"line {number} of the anchor file {path} is not \"sequence hash time\"");
            }
            anchors[sequence] = new AuditAnchorLine(sequence, parts[1], at);
        }
        return anchors;
    }
}

/// <summary>
/// Writes an anchor when the service starts and every <see cref="AuditAnchorOptions.AnchorEveryMinutes"/> after, while
/// an anchor file is set. Off where the scheduler is off (the tests write anchors by hand).
/// </summary>
public sealed partial class AuditAnchorService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditAnchorOptions> options,
    IOptions<Features.Scheduling.SchedulerOptions> scheduler, ILogger<AuditAnchorService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!scheduler.Value.Enabled || string.IsNullOrWhiteSpace(options.Value.AnchorFile))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.AnchorEveryMinutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditAnchor>().WriteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WriteFailed(log, options.Value.AnchorFile!, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the audit chain's anchor to {File} failed; it tries again at the next one")]
    private static partial void WriteFailed(ILogger logger, string file, Exception ex);
}
