using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>Approve, or refuse with a reason the claimant reads.</summary>
public sealed record TravelDecision(bool Approve, string? Reason);

/// <summary>
/// The child's team manager decides a claim (guidance §9). The claim's child is reached through the one door: a
/// claim of a child out of reach is "not found"; anyone in reach but not the team manager is refused with the table's reason.
/// </summary>
public sealed class DecideTravelClaim(FamilyTimeDbContext db, ChildContextLoader children, TravelNotices notices, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<TravelClaimState>> HandleAsync(Actor actor, Guid claimId, TravelDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(decision);
        var claim = await db.TravelClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null || await children.LoadAsync(actor, claim.ChildId, ct) is not { } child)
        {
            return Outcome<TravelClaimState>.NotFound();
        }
        if (child.Refused<TravelClaimState>(ChildOperation.ApproveTravel) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = decision.Approve
            ? claim.Approve(actor.UserId, actor.DisplayName, now)
            : claim.Refuse(actor.UserId, actor.DisplayName, decision.Reason, now);
        if (!errors.IsValid)
        {
            return Outcome<TravelClaimState>.Invalid(errors);
        }
        await notices.TellClaimantAsync(claim, actor.UserId, ct);
        return await audit.SaveOutcomeAsync(actor,
            [new AuditNote(AuditAction.Update, AuditRecord.TravelClaim, claim.Id, claim.ChildId, decision.Approve ? "approved" : "refused")], claim.State, ct);
    }
}
