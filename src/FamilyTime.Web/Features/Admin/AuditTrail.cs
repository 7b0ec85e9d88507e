using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Admin;

public sealed record AuditRow(long Sequence, DateTime At, string UserName, AuditAction Action, string RecordType, Guid RecordId, Guid? ChildId, string? Changes);

/// <summary>
/// Reads the audit log for those who oversee it. A team manager sees the entries about their team's children;
/// a head of service and an administrator see all. Reading the log is not itself a view of a child's record.
/// </summary>
public sealed class AuditTrail(FamilyTimeDbContext db)
{
    public static bool MayRead(UserScope user) =>
        user.Is(Roles.Administrator) || user.Is(Roles.HeadOfService) || user.Is(Roles.TeamManager);

    public async Task<IReadOnlyList<AuditRow>> ReadAsync(UserScope user, Guid? childId, string? userName, int take, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!user.Is(Roles.Administrator) && !user.Is(Roles.HeadOfService))
        {
            var team = user.TeamId;
            q = q.Where(e => e.ChildId != null && db.Children.Any(c => c.Id == e.ChildId && c.TeamId == team));
        }
        if (childId is { } cid)
        {
            q = q.Where(e => e.ChildId == cid);
        }
        if (!string.IsNullOrWhiteSpace(userName))
        {
            var name = userName.Trim();
            q = q.Where(e => e.UserName == name);
        }
        return await q.OrderByDescending(e => e.Sequence).Take(take)
            .Select(e => new AuditRow(e.Sequence, e.At, e.UserName, e.Action, e.RecordType, e.RecordId, e.ChildId, e.Changes))
            .ToListAsync(ct);
    }

    /// <summary>Walks the whole chain in order, in batches, and returns the first entry that does not fit, or null.</summary>
    public async Task<(long? FirstBreak, long Checked)> VerifyAsync(CancellationToken ct)
    {
        // The same walk as `familytime audit verify`, without the anchors (the page has no file to read).
        var result = await new FamilyTime.Web.Audit.AuditChainWalk(db).WalkAsync(new Dictionary<long, FamilyTime.Web.Audit.AuditAnchorLine>(), ct);
        return (result.FirstBreak?.Sequence, result.Checked);
    }
}
