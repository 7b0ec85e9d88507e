using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>
/// A claim's receipt, for those allowed to see it: the claimant, and the team manager who decides the claim.
/// Anyone else, another parent included, is answered "not found".
/// </summary>
public sealed class TravelFiles(FamilyTimeDbContext db, ChildContextLoader children, AuditedSave audit)
{
    public async Task<StoredFile?> ReceiptAsync(Actor actor, Guid claimId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claim = await db.TravelClaims.AsNoTracking().Where(c => c.Id == claimId && c.ReceiptFileId != null)
            .Select(c => new { c.ChildId, c.ClaimantUserId, c.ReceiptFileId }).FirstOrDefaultAsync(ct);
        if (claim is null)
        {
            return null;
        }
        if (claim.ClaimantUserId != actor.UserId
            && !(actor.Scope.IsStaff && await children.LoadAsync(actor, claim.ChildId, ct) is { } child && child.Can(ChildOperation.ApproveTravel)))
        {
            return null;
        }
        // The file's read and its audit entry in one transaction; a file not found is no view, and leaves no entry.
        return await audit.ViewAsync(actor.UserId, actor.UserName,
            c => db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == claim.ReceiptFileId, c),
            file => file is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.TravelClaim, claimId, claim.ChildId, "receipt")], ct);
    }
}
