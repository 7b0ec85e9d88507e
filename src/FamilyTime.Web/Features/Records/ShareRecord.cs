using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Records;

/// <summary>
/// Shares a record's observations with the family. What the family sees is drawn at reading time (see
/// <see cref="ParentRecords"/>): observations only, with everyone else's details taken out.
/// </summary>
public sealed class ShareRecord(RecordChanges changes, TimeProvider clock)
{
    public Task<Outcome<Guid>> HandleAsync(ChildContext child, Guid sessionId, CancellationToken ct) =>
        changes.ApplyAsync(child, sessionId, "share records with the family", r => r.Share(clock.GetUtcNow().UtcDateTime), "Shared", ct);
}
