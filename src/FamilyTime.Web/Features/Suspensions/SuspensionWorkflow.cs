using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

public sealed record SuspensionView(Guid Id, Guid ArrangementId, string With, DateOnly StartedOn, DateOnly LastDay, int Day, SuspensionStage Stage, Suspension Suspension);

/// <summary>
/// Emergency suspensions: starting one marks the sessions in its window suspended; the discussions, resumption or
/// the section 34(4) application are recorded on it. Its stage is read from the dates every time it is shown.
/// </summary>
public sealed class SuspensionWorkflow(FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit, SuspensionFollowUp followUp, TimeProvider clock)
{
    /// <summary>The child's suspensions still open (not resumed, no application yet), with their clocks.</summary>
    public Task<IReadOnlyList<SuspensionView>> OpenAsync(Guid childId, CancellationToken ct) => OpenAsync([childId], ct);

    /// <summary>The open suspensions of several children (an inbox, a team), read in one go, oldest first.</summary>
    public async Task<IReadOnlyList<SuspensionView>> OpenAsync(IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var today = clock.Today();
        var list = await db.Suspensions.AsNoTracking().Where(s => childIds.Contains(s.ChildId) && s.ResumedOn == null && s.ApplicationMadeOn == null).ToListAsync(ct);
        if (list.Count == 0)
        {
            return [];
        }
        var names = await NamesAsync(list.Select(s => s.ChildId).Distinct().ToList(), ct);
        return list.OrderBy(s => s.StartedOn)
            .Select(s => new SuspensionView(s.Id, s.ArrangementId, names.GetValueOrDefault(s.ArrangementId, "family time"), s.StartedOn, s.LastDay, s.DayOn(today), s.StageOn(today), s))
            .ToList();
    }

    public async Task<SuspensionView?> ReadAsync(Guid childId, Guid id, CancellationToken ct)
    {
        var s = await db.Suspensions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ChildId == childId, ct);
        if (s is null)
        {
            return null;
        }
        var today = clock.Today();
        var names = await NamesAsync([childId], ct);
        return new SuspensionView(s.Id, s.ArrangementId, names.GetValueOrDefault(s.ArrangementId, "family time"), s.StartedOn, s.LastDay, s.DayOn(today), s.StageOn(today), s);
    }

    public async Task<Outcome<Guid>> StartAsync(Actor actor, Guid childId, Guid arrangementId, DateOnly? startOn, string? reasons, CancellationToken ct)
    {
        if (await RefusedAsync(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var endedOn = await db.Arrangements.Where(a => a.Id == arrangementId && a.ChildId == childId).Select(a => new { a.EndedOn }).FirstOrDefaultAsync(ct);
        if (endedOn is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (endedOn.EndedOn is { } ended)
        {
            return Outcome<Guid>.Invalid("", $"This family time ended on {ended:d MMMM yyyy}: there is nothing to suspend");
        }
        var today = clock.Today();
        var running = await db.Suspensions.AnyAsync(s => s.ArrangementId == arrangementId && s.ResumedOn == null && s.ApplicationMadeOn == null, ct);
        var (suspension, errors) = Suspension.Start(childId, arrangementId, startOn, reasons, actor.UserId, today, running);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.Suspensions.Add(suspension!);
        var at = clock.GetUtcNow().UtcDateTime;
        var window = await db.Sessions.Where(s => s.ArrangementId == arrangementId && s.Status == SessionStatus.Planned
            && s.Date >= suspension!.StartedOn && s.Date <= suspension.LastDay).ToListAsync(ct);
        foreach (var session in window)
        {
            session.Close(SessionStatus.Suspended, "Family time is suspended: " + suspension!.Reasons, actor.UserId, at, today);
        }
        // Its clock's jobs, the social worker's task and word to the carers and family are saved with it, or not at all.
        await followUp.StartedAsync(suspension!, ct);
        return await SaveAsync(actor, new AuditNote(AuditAction.Create, AuditRecord.Suspension, suspension!.Id, childId,
            JsonSerializer.Serialize(new { suspension.StartedOn, SessionsSuspended = window.Count })), suspension.Id, ct);
    }

    public Task<Outcome<Guid>> DiscussedAsync(Actor actor, Guid childId, Guid id, bool withManager, DateOnly? on, CancellationToken ct) =>
        ChangeAsync(actor, childId, id, s => s.RecordDiscussion(withManager, on, clock.Today()), withManager ? "DiscussedWithManager" : "DiscussedWithIro",
            s => followUp.DiscussedAsync(s, actor.UserId, ct), ct);

    public async Task<Outcome<Guid>> ResumeAsync(Actor actor, Guid childId, Guid id, DateOnly? on, CancellationToken ct)
    {
        var outcome = await ChangeAsync(actor, childId, id, s => s.Resume(on, clock.Today()), "Resumed", s => followUp.DecidedAsync(s, actor.UserId, ct), ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            // Sessions after the resumption go back to planned: they were suspended only because of the window.
            var s = await db.Suspensions.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            var later = await db.Sessions.Where(x => x.ArrangementId == s.ArrangementId && x.Status == SessionStatus.Suspended && x.Date >= s.ResumedOn && x.RecordedAt == null).ToListAsync(ct);
            foreach (var session in later)
            {
                session.Reinstate();
            }
            if (later.Count > 0)
            {
                await SaveAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.Suspension, id, childId, JsonSerializer.Serialize(new { SessionsReinstated = later.Count })), id, ct);
            }
        }
        return outcome;
    }

    public Task<Outcome<Guid>> ApplicationAsync(Actor actor, Guid childId, Guid id, DateOnly? adviceOn, string? advice, DateOnly? appliedOn, string? reference, CancellationToken ct) =>
        ChangeAsync(actor, childId, id, s => s.RecordApplication(adviceOn, advice, appliedOn, reference, clock.Today()), "Section34Application",
            s => followUp.DecidedAsync(s, actor.UserId, ct), ct);

    /// <param name="then">Stages what follows from the change (tasks done), saved with it.</param>
    private async Task<Outcome<Guid>> ChangeAsync(Actor actor, Guid childId, Guid id, Func<Suspension, ValidationErrors> change, string label, Func<Suspension, Task> then, CancellationToken ct)
    {
        if (await RefusedAsync(actor, childId, ct) is { } refused)
        {
            return refused;
        }
        var suspension = await db.Suspensions.FirstOrDefaultAsync(s => s.Id == id && s.ChildId == childId, ct);
        if (suspension is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = change(suspension);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        await then(suspension);
        return await SaveAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.Suspension, id, childId, JsonSerializer.Serialize(new { Action = label })), id, ct);
    }

    private async Task<Outcome<Guid>?> RefusedAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<Guid>.NotFound();
        }
        return canEdit ? null : Outcome<Guid>.Forbidden("Only the child's social worker or their team manager can suspend family time.");
    }

    private async Task<Outcome<Guid>> SaveAsync(Actor actor, AuditNote note, Guid id, CancellationToken ct)
    {
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

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => childIds.Contains(a.ChildId)).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => childIds.Contains(p.ChildId)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return arrangements.ToDictionary(a => a.Id, a => string.Join(" and ", a.PersonIds.Where(people.ContainsKey).Select(id => people[id])));
    }
}
