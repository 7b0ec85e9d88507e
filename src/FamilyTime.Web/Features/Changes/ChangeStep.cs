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

namespace FamilyTime.Web.Features.Changes;

/// <summary>What taking one step of a proposal does, whatever the step: its changes and what it leaves to do next.</summary>
public sealed record StepTaken(ValidationErrors Errors, TaskFollowUps FollowUps)
{
    public static StepTaken Refused(ValidationErrors errors) => new(errors, TaskFollowUps.None);
}

/// <summary>
/// The frame of every step after the proposal: the step's operation, the proposal (the child's own, or not found),
/// the domain's rule, then the step, its follow-up tasks and its audit entry saved in one transaction.
/// </summary>
public sealed class ChangeStep(FamilyTimeDbContext db, AuditedSave audit, TaskList tasks)
{
    public async Task<Outcome<Guid>> TakeAsync(ChildContext child, ChildOperation operation, Guid changeId, string label,
        Func<ChangeProposal, Task<StepTaken>> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(step);
        if (child.Refused<Guid>(operation) is { } refused)
        {
            return refused;
        }
        var proposal = await db.ChangeProposals.FirstOrDefaultAsync(p => p.Id == changeId && p.ChildId == child.ChildId, ct);
        if (proposal is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var taken = await step(proposal);
        if (!taken.Errors.IsValid)
        {
            return Outcome<Guid>.Invalid(taken.Errors);
        }
        await tasks.StageAsync(taken.FollowUps, child.Actor.UserId, ct);
        var note = new AuditNote(AuditAction.Update, AuditRecord.ChangeProposal, changeId, child.ChildId,
            JsonSerializer.Serialize(new { Step = label, Stage = proposal.Stage.ToString() }));
        return await audit.SaveOutcomeAsync(child.Actor, [note], changeId, ct);
    }
}
