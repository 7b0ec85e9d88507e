using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Plans;

/// <summary>
/// A head of service records the exception that allows supervised family time for a child accommodated under
/// section 20 (the route lets only a head of service in).
/// </summary>
public sealed class ApproveSupervisionException(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ChildContext child, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (SupervisionException.CheckReason(reason) is { } problem)
        {
            return Outcome<bool>.Invalid("Reason", problem);
        }
        var actor = child.Actor;
        var exception = new SupervisionException(child.ChildId, actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime, reason!);
        db.SupervisionExceptions.Add(exception);
        await audit.SaveAsync(actor.UserId, actor.UserName,
            new AuditNote(AuditAction.Create, AuditRecord.SupervisionException, exception.Id, child.ChildId, PlanAuditJson.Exception(exception.Reason)), ct);
        return Outcome<bool>.Ok(true);
    }
}
