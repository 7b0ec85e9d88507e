using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Audit;

/// <summary>Where the chain first fails and why, in words an information governance lead can act on.</summary>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>What a walk found: how many entries fit, the first that does not (null when none), and the newest entry.</summary>
public sealed record AuditWalkResult(long Checked, AuditBreak? FirstBreak, long HeadSequence, string HeadHash);

/// <summary>
/// Walks the audit chain in sequence order, a batch at a time (memory stays the same however long the log), and
/// checks each entry against the one before, and against any anchors written outside the database.
/// </summary>
public sealed class AuditChainWalk(FamilyTimeDbContext db)
{
    public const int DefaultBatch = 1000;

    public async Task<AuditWalkResult> WalkAsync(IReadOnlyDictionary<long, AuditAnchorLine> anchors, CancellationToken ct, int batch = DefaultBatch)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var previous = AuditChain.Genesis;
        long expected = 1;
        while (true)
        {
            var after = expected - 1;
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            if (entries.Count == 0)
            {
                return new AuditWalkResult(expected - 1, null, expected - 1, previous);
            }
            foreach (var e in entries)
            {
                if (Fault(e, expected, previous, anchors) is { } fault)
                {
                    return new AuditWalkResult(expected - 1, fault, expected - 1, previous);
                }
                previous = e.Hash;
                expected++;
            }
            // The change tracker holds nothing (no tracking), so each batch is let go before the next is read.
        }
    }

    private static AuditBreak? Fault(AuditEntry e, long expected, string previous, IReadOnlyDictionary<long, AuditAnchorLine> anchors)
    {
        if (e.Sequence != expected)
        {
            return new AuditBreak(expected, e.Sequence - expected == 1
                ? $"gap in sequence: entry {expected} is missing (the next entry is {e.Sequence})"
                : $"gap in sequence: entries {expected} to {e.Sequence - 1} are missing (the next entry is {e.Sequence})");
        }
        if (AuditChain.HashOf(e) != e.Hash)
        {
            return new AuditBreak(e.Sequence, "hash mismatch: the entry's contents were altered after it was written");
        }
        if (e.PreviousHash != previous)
        {
            return new AuditBreak(e.Sequence, e.Sequence == 1
                ? "broken link: the first entry does not start the chain"
                : $"broken link: its previous hash is not entry {e.Sequence - 1}'s hash (an entry was altered, inserted or replaced)");
        }
        if (anchors.TryGetValue(e.Sequence, out var anchor) && anchor.Hash != e.Hash)
        {
            return new AuditBreak(e.Sequence, $"differs from the anchor written at {anchor.WrittenAt:yyyy-MM-dd HH:mm:ss} UTC: the chain was rewritten up to here");
        }
        return null;
    }
}
