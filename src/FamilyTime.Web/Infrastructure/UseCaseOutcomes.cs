using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Infrastructure;

/// <summary>The few lines every use case that takes a <see cref="ChildContext"/> and saves would otherwise repeat.</summary>
public static class UseCaseOutcomes
{
    /// <summary>
    /// The route has already held the request to its operation; this keeps a use case safe when another route calls
    /// it too: the table's answer (not found out of reach, its reason when in reach), or null when allowed.
    /// </summary>
    public static Outcome<T>? Refused<T>(this ChildContext child, ChildOperation operation)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!child.InReach)
        {
            return Outcome<T>.NotFound();
        }
        return child.Can(operation) ? null : Outcome<T>.Forbidden(ChildOperations.RuleFor(operation).Refusal);
    }

    /// <summary>Saves the staged change, its follow-ups and its audit entries in one transaction; a lost race answers conflict.</summary>
    public static async Task<Outcome<T>> SaveOutcomeAsync<T>(this AuditedSave audit, Actor actor, IReadOnlyList<AuditNote> notes, T value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, notes, ct);
            return Outcome<T>.Ok(value);
        }
        catch (DbUpdateException)
        {
            return Outcome<T>.Conflict();
        }
    }

    /// <summary>Who took a step, and when, as the domain signs it.</summary>
    public static Signature Sign(this TimeProvider clock, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(actor);
        return new Signature(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
    }
}
