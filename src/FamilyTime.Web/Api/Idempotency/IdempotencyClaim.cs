using FamilyTime.Data;
using FamilyTime.Domain.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Api.Idempotency;

/// <summary>Thrown inside the save when another request already holds this key: nothing of this one is saved.</summary>
public sealed class IdempotencyKeyTakenException() : Exception("This Idempotency-Key was already used.");

/// <summary>
/// The key this request carries (one per request, set by <see cref="IdempotencyMiddleware"/>), which the audited save
/// stages in the same transaction as the record the request creates, so there is never a record without its key
/// nor a key without its record.
/// </summary>
public sealed class IdempotencyClaim
{
    private IdempotencyKey? _pending;

    public Guid? StagedId { get; private set; }

    public void Begin(IdempotencyKey key) => _pending = key;

    /// <summary>
    /// Inside the save's transaction and write lock: refuses when the key is already held (another server's retry got
    /// there first), else clears expired keys and stages this one. Only the request's first save carries the key.
    /// </summary>
    public async Task StageAsync(FamilyTimeDbContext db, DateTime now, CancellationToken ct)
    {
        if (_pending is not { } key || StagedId is not null)
        {
            return;
        }
        await db.IdempotencyKeys.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        if (await db.IdempotencyKeys.AnyAsync(k => k.AccountId == key.AccountId && k.Key == key.Key, ct))
        {
            throw new IdempotencyKeyTakenException();
        }
        db.IdempotencyKeys.Add(key);
    }

    /// <summary>After the commit: the staged key is the one the answer is kept against.</summary>
    public void Saved()
    {
        if (_pending is { } key && StagedId is null)
        {
            StagedId = key.Id;
        }
    }
}
