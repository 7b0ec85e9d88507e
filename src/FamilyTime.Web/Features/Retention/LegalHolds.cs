using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Retention;

/// <summary>A child's legal hold as it stands.</summary>
public sealed record LegalHoldState(bool OnHold, string? Reason, string? By, DateTime? Since);

/// <summary>
/// A team manager or head of service places a legal hold on a child's case record (it is kept whatever its disposal
/// date), or lifts it, each with a reason, saved with its audit entry in one transaction.
/// </summary>
public sealed class LegalHolds(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<LegalHoldState>> CurrentAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<LegalHoldState>(ChildOperation.ManageRetention) is { } refused)
        {
            return refused;
        }
        var state = await db.Children.AsNoTracking().Where(c => c.Id == child.ChildId)
            .Select(c => new LegalHoldState(c.OnLegalHold, c.LegalHoldReason, c.LegalHoldBy, c.LegalHoldSince)).SingleAsync(ct);
        return Outcome<LegalHoldState>.Ok(state);
    }

    public Task<Outcome<LegalHoldState>> PlaceAsync(ChildContext child, string? reason, CancellationToken ct) =>
        ChangeAsync(child, c => c.PlaceLegalHold(reason, child.Actor.UserName, clock.GetUtcNow().UtcDateTime),
            c => JsonSerializer.Serialize(new { LegalHold = "placed", Reason = c.LegalHoldReason }), ct);

    public Task<Outcome<LegalHoldState>> LiftAsync(ChildContext child, string? reason, CancellationToken ct) =>
        ChangeAsync(child, c => c.LiftLegalHold(reason),
            _ => JsonSerializer.Serialize(new { LegalHold = "lifted", Reason = Text.Clean(reason) }), ct);

    private async Task<Outcome<LegalHoldState>> ChangeAsync(ChildContext child, Func<Domain.Children.Child, ValidationErrors> change,
        Func<Domain.Children.Child, string> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<LegalHoldState>(ChildOperation.ManageRetention) is { } refused)
        {
            return refused;
        }
        var record = await db.Children.SingleAsync(c => c.Id == child.ChildId, ct);
        var errors = change(record);
        if (!errors.IsValid)
        {
            db.ChangeTracker.Clear();
            return Outcome<LegalHoldState>.Invalid(errors);
        }
        try
        {
            await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName,
                new AuditNote(AuditAction.Update, AuditRecord.Child, child.ChildId, child.ChildId, changes(record)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<LegalHoldState>.Conflict();
        }
        return Outcome<LegalHoldState>.Ok(new LegalHoldState(record.OnLegalHold, record.LegalHoldReason, record.LegalHoldBy, record.LegalHoldSince));
    }
}
