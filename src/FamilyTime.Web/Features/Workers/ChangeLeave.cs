using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Workers;

/// <summary>
/// Adds a period of leave to a worker (both dates, a reason from the list, not overlapping leave already entered,
/// so a retried form adds it once) or removes one.
/// </summary>
public sealed class ChangeLeave(FamilyTimeDbContext db, WorkerDirectory directory, AuditedSave audit)
{
    public async Task<Outcome<WorkerLeave>> AddAsync(string byId, string byName, string userId, DateOnly? from, DateOnly? until, string? reason, CancellationToken ct)
    {
        if (await directory.OneAsync(userId, ct) is null)
        {
            return Outcome<WorkerLeave>.NotFound();
        }
        var existing = await db.WorkerLeave.AsNoTracking().Where(l => l.UserId == userId).ToListAsync(ct);
        var (leave, errors) = WorkerLeave.Create(userId, from, until, reason, existing);
        if (leave is null)
        {
            return Outcome<WorkerLeave>.Invalid(errors);
        }
        db.WorkerLeave.Add(leave);
        await audit.SaveAsync(byId, byName, new AuditNote(AuditAction.Create, AuditRecord.Worker, leave.Id, null,
            JsonSerializer.Serialize(new { leave.UserId, leave.From, leave.Until, leave.Reason })), ct);
        return Outcome<WorkerLeave>.Ok(leave);
    }

    public async Task<Outcome<WorkerLeave>> RemoveAsync(string byId, string byName, string userId, Guid leaveId, CancellationToken ct)
    {
        var leave = await db.WorkerLeave.FirstOrDefaultAsync(l => l.Id == leaveId && l.UserId == userId, ct);
        if (leave is null)
        {
            return Outcome<WorkerLeave>.NotFound();
        }
        db.WorkerLeave.Remove(leave);
        try
        {
            await audit.SaveAsync(byId, byName, new AuditNote(AuditAction.Delete, AuditRecord.Worker, leave.Id, null,
                JsonSerializer.Serialize(new { leave.UserId, leave.From, leave.Until, leave.Reason })), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed a moment ago by someone else (or a retried form): it is gone, as asked.
        }
        return Outcome<WorkerLeave>.Ok(leave);
    }
}
