using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// The frame of every step on a running suspension: the social worker's operation, the suspension (the child's own,
/// or not found), the domain's rule, then the change, its follow-up tasks and its audit entries saved in one transaction.
/// </summary>
public sealed class SuspensionStep(FamilyTimeDbContext db, AuditedSave audit, TaskList tasks)
{
    /// <param name="then">What else the step changes (sessions), with what it adds to the audit entry; staged before the save.</param>
    public async Task<Outcome<Guid>> TakeAsync(ChildContext child, Guid suspensionId, string label, Func<Suspension, ValidationErrors> change,
        Func<Suspension, TaskFollowUps> followUps, Func<Suspension, Task<AuditNote?>>? then, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(followUps);
        if (child.Refused<Guid>(ChildOperation.Suspend) is { } refused)
        {
            return refused;
        }
        var suspension = await db.Suspensions.FirstOrDefaultAsync(s => s.Id == suspensionId && s.ChildId == child.ChildId, ct);
        if (suspension is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = change(suspension);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        await tasks.StageAsync(followUps(suspension), child.Actor.UserId, ct);
        List<AuditNote> notes = [new(AuditAction.Update, AuditRecord.Suspension, suspensionId, child.ChildId, JsonSerializer.Serialize(new { Action = label }))];
        if (then is not null && await then(suspension) is { } more)
        {
            notes.Add(more);
        }
        return await audit.SaveOutcomeAsync(child.Actor, notes, suspensionId, ct);
    }
}
