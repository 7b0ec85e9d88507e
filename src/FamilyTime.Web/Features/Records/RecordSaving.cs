using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>
/// How the record use cases save: the change with its audit entry, and a clash with someone else's save (a stale
/// version, a second record for the session) answered as a conflict rather than an error.
/// </summary>
public sealed class RecordSaving(AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> SaveAsync(Actor actor, AuditNote note, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, note, ct);
            return Outcome<Guid>.Ok(id);
        }
        catch (DbUpdateException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    /// <summary>Who wrote a version, and when.</summary>
    public Signature Sign(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
    }
}
