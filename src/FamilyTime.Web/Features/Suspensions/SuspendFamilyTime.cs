using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Features.Suspensions;

public sealed record SuspensionStarted(Guid ArrangementId, DateOnly? StartOn, string? Reasons);

/// <summary>
/// Suspends an arrangement in an emergency, for up to 7 days: the sessions in its window are marked suspended, and its
/// clock's jobs, the social worker's task and word to the carers and family are saved with it, or not at all.
/// </summary>
public sealed class SuspendFamilyTime(FamilyTimeDbContext db, AuditedSave audit, SuspensionFollowUp followUp, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, SuspensionStarted command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(command);
        if (child.Refused<Guid>(ChildOperation.Suspend) is { } refused)
        {
            return refused;
        }
        var arrangement = await db.Arrangements.Where(a => a.Id == command.ArrangementId && a.ChildId == child.ChildId).Select(a => new { a.EndedOn }).FirstOrDefaultAsync(ct);
        if (arrangement is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (arrangement.EndedOn is { } ended)
        {
            return Outcome<Guid>.Invalid("", $"This family time ended on {ended:d MMMM yyyy}: there is nothing to suspend");
        }
        var today = clock.Today();
        var running = await db.Suspensions.AnyAsync(s => s.ArrangementId == command.ArrangementId && s.ResumedOn == null && s.ApplicationMadeOn == null, ct);
        var (suspension, errors) = Suspension.Start(child.ChildId, command.ArrangementId, command.StartOn, command.Reasons, child.Actor.UserId, today, running);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.Suspensions.Add(suspension!);
        var at = clock.GetUtcNow().UtcDateTime;
        var window = await db.Sessions.Where(s => s.ArrangementId == command.ArrangementId && s.Status == SessionStatus.Planned
            && s.Date >= suspension!.StartedOn && s.Date <= suspension.LastDay).ToListAsync(ct);
        foreach (var session in window)
        {
            session.Close(SessionStatus.Suspended, "Family time is suspended: " + suspension!.Reasons, child.Actor.UserId, at, today);
        }
        await followUp.StartedAsync(suspension!, child, ct);
        var note = new AuditNote(AuditAction.Create, AuditRecord.Suspension, suspension!.Id, child.ChildId,
            JsonSerializer.Serialize(new { suspension.StartedOn, SessionsSuspended = window.Count }));
        return await audit.SaveOutcomeAsync(child.Actor, [note], suspension.Id, ct);
    }
}
