using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>A claim as its claimant sees it: the journey, the amount, where it has got to, and the reason if refused (through the family guard).</summary>
public sealed record OwnClaim(Guid Id, Guid SessionId, string ChildName, DateOnly SessionDate, string From, string To, TravelMode Mode,
    long AmountPence, decimal? Miles, TravelClaimState State, string? RefusalReason, bool Paid, bool HasReceipt, DateTime ClaimedAt);

/// <summary>A claim as the team manager decides it.</summary>
public sealed record ClaimToDecide(Guid Id, Guid ChildId, string ChildName, string ClaimantName, Claimant Claimant, DateOnly SessionDate,
    string From, string To, TravelMode Mode, long AmountPence, decimal? Miles, bool HasReceipt, DateTime ClaimedAt);

/// <summary>One export of approved claims for payment.</summary>
public sealed record PaymentRunSummary(Guid Id, DateTime ExportedAt, int Claims, long TotalPence);

/// <summary>The lists of claims: a claimant's own, and the ones a team manager decides and pays.</summary>
public sealed class TravelClaimLists(FamilyTimeDbContext db, ChildAccessPolicy access, FamilyOutputGuard guard)
{
    public async Task<IReadOnlyList<OwnClaim>> MineAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var uid = user.UserId;
        var claims = await db.TravelClaims.AsNoTracking().Where(c => c.ClaimantUserId == uid)
            .OrderByDescending(c => c.SessionDate).ThenByDescending(c => c.ClaimedAt)
            .Select(c => new OwnClaim(c.Id, c.SessionId, db.Children.Where(ch => ch.Id == c.ChildId).Select(ch => ch.PreferredName ?? ch.FirstName).First(),
                c.SessionDate, c.From, c.To, c.Mode, c.AmountPence, c.Miles, c.State, c.RefusalReason, c.PaymentRunId != null, c.ReceiptFileId != null, c.ClaimedAt))
            .ToListAsync(ct);
        if (!user.Is(Roles.Parent))
        {
            return claims;
        }
        // A refusal's reason is written by staff: it passes the family guard like every other output to a family.
        var childIds = await db.TravelClaims.AsNoTracking().Where(c => c.ClaimantUserId == uid && c.RefusalReason != null).Select(c => new { c.Id, c.ChildId }).ToListAsync(ct);
        var places = childIds.Count == 0 ? [] : await guard.PublicPlacesAsync(ct);
        var result = new List<OwnClaim>(claims.Count);
        foreach (var claim in claims)
        {
            if (claim.RefusalReason is null)
            {
                result.Add(claim);
                continue;
            }
            var home = await guard.ForChildAsync(childIds.First(c => c.Id == claim.Id).ChildId, ct);
            result.Add(claim with { RefusalReason = home.Redact(claim.RefusalReason, places) });
        }
        return result;
    }

    /// <summary>The claims waiting for this team manager: of the children whose travel they approve.</summary>
    public async Task<IReadOnlyList<ClaimToDecide>> WaitingAsync(UserScope user, CancellationToken ct)
    {
        var children = access.Reachable(user, ChildOperation.ApproveTravel).Select(c => c.Id);
        return await db.TravelClaims.AsNoTracking()
            .Where(c => c.State == TravelClaimState.Waiting && children.Contains(c.ChildId))
            .OrderBy(c => c.ClaimedAt)
            .Select(c => new ClaimToDecide(c.Id, c.ChildId,
                db.Children.Where(ch => ch.Id == c.ChildId).Select(ch => (ch.PreferredName ?? ch.FirstName) + " " + ch.LastName).First(),
                db.Users.Where(u => u.Id == c.ClaimantUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                c.Claimant, c.SessionDate, c.From, c.To, c.Mode, c.AmountPence, c.Miles, c.ReceiptFileId != null, c.ClaimedAt))
            .ToListAsync(ct);
    }

    /// <summary>How many approved claims of this manager's children wait for a payment run.</summary>
    public Task<int> ToPayCountAsync(UserScope user, CancellationToken ct)
    {
        var children = access.Reachable(user, ChildOperation.ApproveTravel).Select(c => c.Id);
        return db.TravelClaims.CountAsync(c => c.State == TravelClaimState.Approved && c.PaymentRunId == null && children.Contains(c.ChildId), ct);
    }

    public async Task<IReadOnlyList<PaymentRunSummary>> RunsAsync(UserScope user, CancellationToken ct)
    {
        var children = access.Reachable(user, ChildOperation.ApproveTravel).Select(c => c.Id);
        var rows = await db.TravelClaims.AsNoTracking()
            .Where(c => c.PaymentRunId != null && children.Contains(c.ChildId))
            .Select(c => new { Run = c.PaymentRunId!.Value, At = c.ExportedAt!.Value, c.AmountPence })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Run)
            .Select(g => new PaymentRunSummary(g.Key, g.Min(r => r.At), g.Count(), g.Sum(r => r.AmountPence)))
            .OrderByDescending(r => r.ExportedAt).ToList();
    }
}
