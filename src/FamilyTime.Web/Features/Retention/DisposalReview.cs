using System.Text.Json;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Retention;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Retention;

/// <summary>One child on the disposal review list: the date, the rule that gave it, and any legal hold.</summary>
public sealed record DisposalDue(
    Guid ChildId,
    string Name,
    DateOnly DateOfBirth,
    DateOnly? DateOfDeath,
    DisposalDate Disposal,
    bool Overdue,
    bool OnLegalHold,
    string? LegalHoldReason,
    string? LegalHoldBy,
    DateTime? LegalHoldSince);

/// <summary>
/// The children whose case records a manager should review for disposal: the disposal date (<see cref="RetentionRule"/>)
/// has passed or falls within the next months asked for, or no date can be worked out. Children on legal hold are
/// listed, marked, so a manager sees the hold is why the record stays. Nothing is deleted: the list is for a person
/// to review. Today is the service's clock, so the list never depends on the machine's date.
/// </summary>
public sealed class DisposalReview(ChildAccessPolicy access, AuditedSave audit, TimeProvider clock)
{
    public const int DefaultMonths = 12;
    public const int MaxMonths = 120;

    /// <summary>The list as shown to someone, read and audited in one transaction: it names each child it shows.</summary>
    public Task<IReadOnlyList<DisposalDue>> ShowAsync(Actor actor, int months, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return audit.ViewAsync(actor.UserId, actor.UserName,
            c => DueAsync(actor.Scope, months, c),
            shown => [new AuditNote(AuditAction.View, AuditRecord.ChildList, Guid.Empty, null,
                JsonSerializer.Serialize(new { List = "disposal review", Children = shown.Select(d => d.ChildId) }))], ct);
    }

    public async Task<IReadOnlyList<DisposalDue>> DueAsync(UserScope user, int months, CancellationToken ct)
    {
        months = Math.Clamp(months, 0, MaxMonths);
        var today = clock.Today();
        var until = today.AddMonths(months);
        // A 75th birthday by `until` means born by `until` less 75 years; a day's margin covers 29 February (the rule
        // decides exactly below). A recorded death can only bring the date earlier, so those are always read.
        var bornBy = until.AddYears(-RetentionRule.YearsFromBirth).AddDays(1);
        var rows = await access.Reachable(user, ChildOperation.ManageRetention).AsNoTracking()
            .Where(c => c.DateOfBirth <= bornBy || c.DateOfDeath != null)
            .Select(c => new { c.Id, c.FirstName, c.PreferredName, c.LastName, c.DateOfBirth, c.DateOfDeath, c.OnLegalHold, c.LegalHoldReason, c.LegalHoldBy, c.LegalHoldSince })
            .ToListAsync(ct);
        return rows
            .Select(c => new { c, Disposal = RetentionRule.For(c.DateOfBirth == default ? null : c.DateOfBirth, c.DateOfDeath) })
            .Where(x => x.Disposal.NeedsReview || x.Disposal.Date <= until)
            .Select(x => new DisposalDue(x.c.Id, $"{x.c.PreferredName ?? x.c.FirstName} {x.c.LastName}", x.c.DateOfBirth, x.c.DateOfDeath, x.Disposal,
                x.Disposal.NeedsReview || x.Disposal.Date <= today, x.c.OnLegalHold, x.c.LegalHoldReason, x.c.LegalHoldBy, x.c.LegalHoldSince))
            .OrderBy(d => d.Disposal.Date ?? DateOnly.MinValue).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }
}
