using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Travel;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>One line of the diary: a family time session (shown, not editable) or one of the parent's own entries.</summary>
public sealed record DiaryLine(Guid Id, bool IsFamilyTime, string Title, DateOnly Date, TimeOnly? Time, string? Place, string? Notes, int Version);

/// <summary>
/// A parent's diary of appointments across services: their family time sessions appear by themselves, beside the
/// entries they add, change and delete. Another person's entry is "not found".
/// </summary>
public sealed class Diary(FamilyTimeDbContext db, OwnSessions sessions, AuditedSave audit, TimeProvider clock)
{
    /// <summary>From <paramref name="from"/> (default: a week ago) for the next three months.</summary>
    public async Task<IReadOnlyList<DiaryLine>> ListAsync(Actor actor, DateOnly? from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = clock.Today();
        // Any day asked for is kept within two years of today: DateOnly.MaxValue plus three months would throw.
        var start = from is { } asked && asked > today.AddYears(-2) && asked < today.AddYears(2) ? asked : today.AddDays(-7);
        var end = start.AddMonths(3);
        var uid = actor.UserId;
        var own = await db.DiaryEntries.AsNoTracking().Where(d => d.OwnerUserId == uid && d.Date >= start && d.Date <= end)
            .Select(d => new DiaryLine(d.Id, false, d.Title, d.Date, d.Time, d.Place, d.Notes, d.Version)).ToListAsync(ct);
        var familyTime = (await sessions.ListAsync(actor.Scope, start, end, ct))
            .Where(s => s.Status == Domain.Sessions.SessionStatus.Planned || Domain.Sessions.FamilyTimeSession.IsHeld(s.Status))
            .Select(s => new DiaryLine(s.SessionId, true, $"Family time with {s.ChildName}", s.Date, s.StartTime, s.VenueName, null, 0));
        return [.. own.Concat(familyTime).OrderBy(l => l.Date).ThenBy(l => l.Time ?? TimeOnly.MinValue)];
    }

    public Task<DiaryEntry?> OwnAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var uid = actor.UserId;
        return db.DiaryEntries.FirstOrDefaultAsync(d => d.Id == id && d.OwnerUserId == uid, ct);
    }

    public async Task<Outcome<Guid>> AddAsync(Actor actor, DiaryInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (entry, errors) = DiaryEntry.Add(actor.UserId, input);
        if (entry is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.DiaryEntries.Add(entry);
        return await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Create, AuditRecord.DiaryEntry, entry.Id, null)], entry.Id, ct);
    }

    /// <summary>Changes an entry as it was when opened (<paramref name="version"/>): a change made meanwhile elsewhere is not overwritten.</summary>
    public async Task<Outcome<Guid>> ChangeAsync(Actor actor, Guid id, int version, DiaryInput input, CancellationToken ct)
    {
        var entry = await OwnAsync(actor, id, ct);
        if (entry is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (entry.Version != version)
        {
            return Outcome<Guid>.Conflict();
        }
        var errors = entry.Change(input);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        return await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Update, AuditRecord.DiaryEntry, entry.Id, null)], entry.Id, ct);
    }

    public async Task<Outcome<Guid>> DeleteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var entry = await OwnAsync(actor, id, ct);
        if (entry is null)
        {
            return Outcome<Guid>.NotFound();
        }
        db.DiaryEntries.Remove(entry);
        return await audit.SaveOutcomeAsync(actor, [new AuditNote(AuditAction.Delete, AuditRecord.DiaryEntry, id, null)], id, ct);
    }
}
