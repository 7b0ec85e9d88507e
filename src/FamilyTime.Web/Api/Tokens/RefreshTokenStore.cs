using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Api.Tokens;

/// <summary>
/// How long each kind of API token holds (Security:AccessTokenMinutes, Security:RefreshTokenDays), and how long one
/// sign-in can be kept going by refreshing before the password is asked for again (Security:SignInDays).
/// </summary>
public sealed class ApiTokenLifetimes
{
    public int AccessTokenMinutes { get; set; } = 10;
    public int RefreshTokenDays { get; set; } = 14;
    public int SignInDays { get; set; } = 30;
}

/// <summary>What became of a refresh token presented for exchange.</summary>
public enum RefreshOutcome
{
    Rotated,
    /// <summary>Unknown, expired, revoked, or the account no longer holds: nothing changed but the token's own family.</summary>
    Refused,
    /// <summary>Already exchanged once: someone else holds a copy, so its whole family is revoked.</summary>
    Reused,
}

public sealed record RefreshRotation(RefreshOutcome Outcome, string? UserId = null, string? NewToken = null);

/// <summary>
/// The API's refresh tokens: opaque random strings the client holds, of which the database keeps only a SHA-256 hash.
/// Each is exchanged once (rotation); a used one presented again revokes its family, since either the client or a
/// thief holds a copy and the server cannot tell which. Two exchanges of one token racing each other cannot both win:
/// the exchange marks the row used with a conditional update (used-at still empty), which only one can match, and
/// the loser is treated as reuse.
/// </summary>
public sealed class RefreshTokenStore(FamilyTimeDbContext db, WriteGate gate, TimeProvider clock, IOptions<ApiTokenLifetimes> lifetimes)
{
    public const string ReasonReused = "reused";
    public const string ReasonClient = "revoked by the client";
    public const string ReasonAccount = "account no longer holds";

    /// <summary>How long a row is kept after it expires (for a look at what happened), before it is deleted.</summary>
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    private TimeSpan Lifetime => TimeSpan.FromDays(lifetimes.Value.RefreshTokenDays);
    private TimeSpan LongestSignIn => TimeSpan.FromDays(lifetimes.Value.SignInDays);

    /// <summary>A new sign-in: the first token of a new family.</summary>
    public Task<string> IssueAsync(string userId, string securityStamp, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await RemoveExpiredAsync(now, ct);
            var (row, token) = NewToken(userId, Guid.NewGuid(), Hash(securityStamp), now, now);
            db.RefreshTokens.Add(row);
            await db.SaveChangesAsync(ct);
            return token;
        }, ct);

    /// <summary>
    /// Exchanges a token for its successor in one transaction. <paramref name="accountHolds"/> (given the account id and
    /// the hash of its stamp when the token was made) says whether the account may still sign in; if not, the family ends.
    /// </summary>
    public Task<RefreshRotation> RotateAsync(string presented, Func<string, string, Task<bool>> accountHolds, CancellationToken ct)
    {
        var hash = Hash(presented);
        return gate.RunAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
            if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
            {
                return new RefreshRotation(RefreshOutcome.Refused);
            }
            if (row.UsedAt is not null)
            {
                await RevokeFamilyAsync(row.FamilyId, ReasonReused, now, ct);
                await transaction.CommitAsync(ct);
                return new RefreshRotation(RefreshOutcome.Reused, row.UserId);
            }
            var (child, token) = NewToken(row.UserId, row.FamilyId, row.StampHash, row.SignedInAt, now);
            // The decisive step: only one exchange can find the row still unused (another server, or a statement that
            // waited on this row's lock, sees it used and matches nothing).
            var claimed = await db.RefreshTokens
                .Where(t => t.Id == row.Id && t.UsedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now).SetProperty(t => t.ReplacedById, child.Id), ct);
            if (claimed == 0)
            {
                await RevokeFamilyAsync(row.FamilyId, ReasonReused, now, ct);
                await transaction.CommitAsync(ct);
                return new RefreshRotation(RefreshOutcome.Reused, row.UserId);
            }
            if (!await accountHolds(row.UserId, row.StampHash))
            {
                await RevokeFamilyAsync(row.FamilyId, ReasonAccount, now, ct);
                await transaction.CommitAsync(ct);
                return new RefreshRotation(RefreshOutcome.Refused, row.UserId);
            }
            await RemoveExpiredAsync(now, ct);
            db.RefreshTokens.Add(child);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new RefreshRotation(RefreshOutcome.Rotated, row.UserId, token);
        }, ct);
    }

    /// <summary>Ends the sign-in a token belongs to (every token of its family); an unknown token changes nothing.</summary>
    public Task RevokeFamilyOfAsync(string presented, CancellationToken ct)
    {
        var hash = Hash(presented);
        return gate.RunAsync(async () =>
        {
            var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
            if (family is { } id)
            {
                await RevokeFamilyAsync(id, ReasonClient, clock.GetUtcNow().UtcDateTime, ct);
            }
            return true;
        }, ct);
    }

    /// <summary>Ends every API sign-in of an account (signed out, new password, and the like).</summary>
    public Task RevokeAllAsync(string userId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return gate.RunAsync(() => db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, Reason(reason)), ct), ct);
    }

    /// <summary>SHA-256 of a token or stamp, hex: what the table holds instead of the thing itself.</summary>
    public static string Hash(string value) => SecretTokens.HashOf(value);

    private (StoredRefreshToken Row, string Token) NewToken(string userId, Guid familyId, string stampHash, DateTime signedInAt, DateTime now)
    {
        var token = SecretTokens.New();
        return (new StoredRefreshToken(userId, familyId, Hash(token), stampHash, now, signedInAt, Lifetime, LongestSignIn), token);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, string reason, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, Reason(reason)), ct);

    /// <summary>Rows expired more than a day ago go when a new token is written, so the table never grows without end.</summary>
    private Task<int> RemoveExpiredAsync(DateTime now, CancellationToken ct)
    {
        var before = now - KeptAfterExpiry;
        return db.RefreshTokens.Where(t => t.ExpiresAt < before).ExecuteDeleteAsync(ct);
    }

    private static string Reason(string reason) =>
        reason.Length <= StoredRefreshToken.MaxReasonLength ? reason : reason[..StoredRefreshToken.MaxReasonLength];
}
