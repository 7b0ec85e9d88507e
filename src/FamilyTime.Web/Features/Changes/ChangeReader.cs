using FamilyTime.Data;
using System.Text.Json;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Changes;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

public sealed record NoticeSent(string RecipientName, string Channel, string Subject, string Status, DateTime CreatedAt);

public sealed record ChangeView(ChangeProposal Proposal, string ChildName, string With, bool CanManage, bool IsChildsIro, IReadOnlyList<NoticeSent> Notices);

public sealed record ChangeLine(Guid Id, Guid ArrangementId, string Summary, ChangeStage Stage, DateTime ProposedAt);

/// <summary>Reads proposals for those who hold the child's case (the IRO included); the route has let them in.</summary>
public sealed class ChangeReader(FamilyTimeDbContext db, AuditedSave audit)
{
    /// <summary>One proposal of the child's, with who it is with and its notices; null when the child has no such proposal.</summary>
    public async Task<ChangeView?> ReadAsync(ChildContext child, Guid changeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var p = await db.ChangeProposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == changeId && x.ChildId == child.ChildId, ct);
        if (p is null)
        {
            return null;
        }
        var with = await db.ArrangementNamesAsync(child.ChildId, p.ArrangementId, ct) ?? "";
        var prefix = ChangeTaskKeys.Notice(p.Id);
        var notices = await db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith(prefix)).OrderBy(m => m.CreatedAt)
            .Select(m => new NoticeSent(m.RecipientName, m.Channel.ToString(), m.Subject, m.Status.ToString(), m.CreatedAt)).ToListAsync(ct);
        return new ChangeView(p, child.Name, with, child.Can(ChildOperation.ManageChanges), child.Can(ChildOperation.DecideAsIro), notices);
    }

    /// <summary>
    /// The child's proposals, newest first, as the API lists them: read and audited in one transaction, one entry
    /// naming the proposals shown.
    /// </summary>
    public Task<IReadOnlyList<ChangeLine>> ListAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, c => ForChildAsync(child.ChildId, c),
            shown => [new AuditNote(AuditAction.View, AuditRecord.ChangeProposal, child.ChildId, child.ChildId,
                JsonSerializer.Serialize(new { Proposals = shown.Select(p => p.Id) }))], ct);
    }

    /// <summary>The child's proposals, newest first, unaudited (the caller audits).</summary>
    public async Task<IReadOnlyList<ChangeLine>> ForChildAsync(Guid childId, CancellationToken ct)
    {
        var list = await db.ChangeProposals.AsNoTracking().Where(p => p.ChildId == childId).ToListAsync(ct);
        return list.OrderByDescending(p => p.ProposedAt).Select(p => new ChangeLine(p.Id, p.ArrangementId, p.Summary, p.Stage, p.ProposedAt)).ToList();
    }
}
