using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans;

/// <summary>How a plan change is signed and saved with its audit entry.</summary>
public sealed class PlanSaving(AuditedSave audit, TimeProvider clock)
{
    public Signature Sign(ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new(child.Actor.UserId, child.Actor.DisplayName, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Saves with the audit entry. Two people changing the same plan at once meet the plan's version check or a
    /// unique index; the second is told to reload (false) instead of seeing an error page.
    /// </summary>
    public async Task<bool> SavedAsync(ChildContext child, AuditNote note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        try
        {
            await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, note, ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
