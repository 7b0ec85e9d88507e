using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>Staff stop an invitation's link working before it is used; revoking twice is harmless.</summary>
public sealed class RevokeInvitation(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> RevokeAsync(ChildContext child, Guid invitationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<Guid>(ChildOperation.EditChild) is { } refused)
        {
            return refused;
        }
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.ChildId == child.ChildId, ct);
        if (invitation is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (invitation.AcceptedAt is not null)
        {
            return Outcome<Guid>.Invalid("Invitation", $"{invitation.InviteeName} has already accepted this invitation. To stop them signing in, suspend their account.");
        }
        if (!invitation.Revoke(child.Actor.UserId, clock.GetUtcNow().UtcDateTime))
        {
            return Outcome<Guid>.Ok(invitation.Id);
        }
        return await audit.SaveOutcomeAsync(child.Actor, [new AuditNote(AuditAction.Update, AuditRecord.Invitation, invitation.Id, child.ChildId)], invitation.Id, ct);
    }
}
