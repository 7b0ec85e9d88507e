using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Records;

/// <summary>The social worker (or their team manager) has read a submitted record: it leaves their inbox.</summary>
public sealed class AcknowledgeRecord(RecordChanges changes, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return changes.ApplyAsync(child, sessionId, "acknowledge records",
            r => r.Acknowledge(child.Actor.UserId, clock.GetUtcNow().UtcDateTime), "Acknowledged", ct);
    }
}
