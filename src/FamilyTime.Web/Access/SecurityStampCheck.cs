using System.Collections.Concurrent;
using System.Security.Claims;
using FamilyTime.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Access;

/// <summary>
/// Ends a sign-in within seconds once its account's security stamp is renewed (a new password, two-factor turned on or
/// off, a new authenticator key; code that changes roles, team or household must call UpdateSecurityStampAsync too,
/// as Identity's role methods do not): each request compares the stamp it carries with the account's, read at most once every
/// <see cref="Freshness"/> per user, instead of Identity re-reading the user, roles and claims.
/// </summary>
public sealed class SecurityStampCheck(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> _known = new(StringComparer.Ordinal);

    /// <summary>Drops what was read of one account, so its next request reads the stamp afresh (a suspension takes effect at once).</summary>
    public void Forget(string userId) => _known.TryRemove(userId, out _);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, FamilyTimeDbContext db, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var carried = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || carried is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(id, out var known) && now - known.ReadAt < Freshness && string.Equals(known.Stamp, carried, StringComparison.Ordinal))
        {
            return true;
        }
        // Stale, unknown, or different (this sign-in may be newer than what was read): read the account once.
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        _known[id] = (stamp, now);
        return string.Equals(stamp, carried, StringComparison.Ordinal);
    }
}
