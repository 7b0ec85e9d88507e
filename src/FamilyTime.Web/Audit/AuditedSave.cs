using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FamilyTime.Web.Audit;

/// <summary>What one audit entry will say: the action and the record it touched.</summary>
public sealed record AuditNote(AuditAction Action, AuditRecord RecordType, Guid RecordId, Guid? ChildId, string? Changes = null);

/// <summary>
/// Saves a change and its audit entry in one transaction, through the write gate, so there is never a change
/// without its entry nor an entry for a change that did not happen. Views are recorded the same way.
/// </summary>
public sealed class AuditedSave(FamilyTimeDbContext db, WriteGate gate, TimeProvider clock, Api.Idempotency.IdempotencyClaim? idempotency = null)
{
    public Task SaveAsync(string userId, string userName, AuditNote note, CancellationToken ct) =>
        SaveAsync(userId, userName, [note], ct);

    public Task SaveAsync(string userId, string userName, IReadOnlyList<AuditNote> notes, CancellationToken ct) =>
        SaveCheckedAsync(userId, userName, _ => Task.FromResult<IReadOnlyList<AuditNote>?>(notes), ct);

    /// <summary>
    /// Reads what a page shows and records the view in one transaction: the entry stands for exactly what was read,
    /// and a read whose entry cannot be written fails with it rather than showing unaudited.
    /// </summary>
    public Task<T> ViewAsync<T>(string userId, string userName, AuditNote note, Func<CancellationToken, Task<T>> read, CancellationToken ct) =>
        ViewAsync(userId, userName, read, _ => [note], ct);

    /// <summary>As <see cref="ViewAsync{T}(string, string, AuditNote, Func{CancellationToken, Task{T}}, CancellationToken)"/>, the entries made from what was read (a list names the children it shows).</summary>
    public async Task<T> ViewAsync<T>(string userId, string userName, Func<CancellationToken, Task<T>> read, Func<T, IReadOnlyList<AuditNote>> notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(notes);
        T result = default!;
        await SaveCheckedAsync(userId, userName, async c =>
        {
            result = await read(c);
            return notes(result);
        }, ct);
        return result;
    }

    /// <summary>
    /// As <see cref="SaveAsync(string, string, IReadOnlyList{AuditNote}, CancellationToken)"/>, with <paramref name="work"/>
    /// run inside the transaction, after the write lock is held: it re-reads what it must (a booking re-checks its
    /// conflicts, so two people booking the same room at once cannot both win), makes its change and answers the
    /// notes, or null to save nothing (answers false).
    /// </summary>
    public Task<bool> SaveCheckedAsync(string userId, string userName, Func<CancellationToken, Task<IReadOnlyList<AuditNote>?>> work, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            var saved = false;
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (db.Database.IsNpgsql())
                {
                    // Several web servers may share one PostgreSQL: this lock keeps the chain single-file across them.
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7340021)", ct);
                }
                var notes = await work(ct);
                if (notes is null)
                {
                    // The work refused: what the caller staged for it (the change, its tasks and messages) is dropped,
                    // so a later save or a page's audited re-read in this context cannot write it after all.
                    db.ChangeTracker.Clear();
                    saved = false;
                    return;
                }
                if (idempotency is not null)
                {
                    try
                    {
                        // The request's Idempotency-Key is saved with the record it creates, or not at all.
                        await idempotency.StageAsync(db, clock.GetUtcNow().UtcDateTime, ct);
                    }
                    catch (Api.Idempotency.IdempotencyKeyTakenException)
                    {
                        db.ChangeTracker.Clear();
                        throw;
                    }
                }
                var last = await db.AuditEntries.AsNoTracking()
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(ct);
                var sequence = last?.Sequence ?? 0;
                var previous = last?.Hash ?? AuditChain.Genesis;
                var at = clock.GetUtcNow().UtcDateTime;
                foreach (var note in notes)
                {
                    var entry = new AuditEntry(++sequence, at, userId, userName, note.Action, note.RecordType.ToString(), note.RecordId, note.ChildId, note.Changes, previous);
                    db.AuditEntries.Add(entry);
                    previous = entry.Hash;
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Nothing of a failed save stays pending: a page that shows the form again re-reads and audits
                    // that view in this same context, which must not write the failed change or its entry again.
                    db.ChangeTracker.Clear();
                    throw;
                }
                await tx.CommitAsync(ct);
                idempotency?.Saved();
                saved = true;
            });
            return saved;
        }, ct);

    /// <summary>The fields an edit changed, as JSON of name → [before, after]; null when nothing changed.</summary>
    public static string? ChangesOf(EntityEntry entry)
    {
        var changed = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != "Version" && !Equals(p.OriginalValue, p.CurrentValue))
            .ToDictionary(p => p.Metadata.Name, p => new[] { p.OriginalValue?.ToString(), p.CurrentValue?.ToString() });
        return changed.Count == 0 ? null : JsonSerializer.Serialize(changed);
    }
}
