using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Retention;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Retention;

/// <summary>A child's recorded date of death (if any), the disposal date it gives their case record, and the record's version.</summary>
public sealed record DateOfDeathState(DateOnly DateOfBirth, DateOnly? DateOfDeath, DisposalDate Disposal, int Version);

/// <summary>
/// A team manager or head of service records the day a child died, or corrects it (null takes a mistaken entry
/// away). It sets how long the case record is kept: 15 years from the death of a child who died before 18
/// (<see cref="RetentionRule"/>), so the disposal review list follows it at once. Saved with its audit entry (the
/// date before and after) in one transaction, against the version the person read.
/// </summary>
public sealed class DatesOfDeath(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<DateOfDeathState>> CurrentAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<DateOfDeathState>(ChildOperation.ManageRetention) is { } refused)
        {
            return refused;
        }
        var record = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.ChildId, ct);
        return Outcome<DateOfDeathState>.Ok(StateOf(record));
    }

    /// <param name="version">The version the person read; null (an API call that does not give one) saves over whatever is there.</param>
    public async Task<Outcome<DateOfDeathState>> RecordAsync(ChildContext child, DateOnly? died, int? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<DateOfDeathState>(ChildOperation.ManageRetention) is { } refused)
        {
            return refused;
        }
        var record = await db.Children.SingleAsync(c => c.Id == child.ChildId, ct);
        if (version is { } v)
        {
            if (v != record.Version)
            {
                db.ChangeTracker.Clear();
                return Outcome<DateOfDeathState>.Conflict();
            }
            // A change saved between this read and the save is caught by the database too.
            db.Entry(record).Property(c => c.Version).OriginalValue = v;
        }
        var errors = record.RecordDateOfDeath(died, clock.Today());
        if (!errors.IsValid)
        {
            db.ChangeTracker.Clear();
            return Outcome<DateOfDeathState>.Invalid(errors);
        }
        db.ChangeTracker.DetectChanges();
        if (AuditedSave.ChangesOf(db.Entry(record)) is not { } changes)
        {
            // The same date again: nothing to save or audit.
            return Outcome<DateOfDeathState>.Ok(StateOf(record));
        }
        try
        {
            await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName,
                new AuditNote(AuditAction.Update, AuditRecord.Child, child.ChildId, child.ChildId, changes), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<DateOfDeathState>.Conflict();
        }
        return Outcome<DateOfDeathState>.Ok(StateOf(record));
    }

    private static DateOfDeathState StateOf(Domain.Children.Child c) => new(c.DateOfBirth, c.DateOfDeath, c.DisposalDate, c.Version);
}
