using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>Records the decision about an Independent Visitor referral, either way, with the reasons; the prompt's tasks are done.</summary>
public sealed class RecordIndependentVisitorDecision(FamilyTimeDbContext db, AuditedSave audit, TaskList tasks, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(ChildContext child, bool? referred, string? reasons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<Guid>(ChildOperation.ManageChanges) is { } refused)
        {
            return refused;
        }
        var (decision, errors) = IndependentVisitorDecision.Record(child.ChildId, referred, reasons, clock.Sign(child.Actor), clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.IndependentVisitorDecisions.Add(decision!);
        await tasks.StageAsync(TaskFollowUps.Completing(ReviewTaskKeys.IndependentVisitor(child.ChildId)), child.Actor.UserId, ct);
        var note = new AuditNote(AuditAction.Create, AuditRecord.IndependentVisitorDecision, decision!.Id, child.ChildId, JsonSerializer.Serialize(new { decision.Referred }));
        return await audit.SaveOutcomeAsync(child.Actor, [note], decision.Id, ct);
    }
}
