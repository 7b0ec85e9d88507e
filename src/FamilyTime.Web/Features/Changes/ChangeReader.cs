using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

public sealed record NoticeSent(string RecipientName, string Channel, string Subject, string Status, DateTime CreatedAt);

public sealed record ChangeView(ChangeProposal Proposal, string ChildName, string With, bool CanManage, bool IsChildsIro, IReadOnlyList<NoticeSent> Notices);

public sealed record ChangeLine(Guid Id, Guid ArrangementId, string Summary, ChangeStage Stage, DateTime ProposedAt);

/// <summary>Reads proposals for those who hold the child's case (the IRO included).</summary>
public sealed class ChangeReader(FamilyTimeDbContext db, ChildAccessPolicy access)
{
    public async Task<Outcome<ChangeView>> ReadAsync(Actor actor, Guid childId, Guid id, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level < ChildAccess.Case)
        {
            return Outcome<ChangeView>.NotFound();
        }
        var p = await db.ChangeProposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ChildId == childId, ct);
        if (p is null)
        {
            return Outcome<ChangeView>.NotFound();
        }
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName, c.IroId }).FirstAsync(ct);
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == p.ArrangementId).Select(a => a.PersonIds).FirstAsync(ct);
        var with = await db.SignificantPeople.AsNoTracking().Where(x => personIds.Contains(x.Id)).Select(x => x.FullName).ToListAsync(ct);
        var prefix = ChangeWorkflow.Key(p, "notice");
        var notices = await db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith(prefix)).OrderBy(m => m.CreatedAt)
            .Select(m => new NoticeSent(m.RecipientName, m.Channel.ToString(), m.Subject, m.Status.ToString(), m.CreatedAt)).ToListAsync(ct);
        var isIro = child.IroId == actor.UserId && actor.Scope.Is(Roles.Iro);
        return Outcome<ChangeView>.Ok(new ChangeView(p, child.Name, string.Join(" and ", with), canEdit, isIro, notices));
    }

    /// <summary>The child's proposals, newest first, for the plan page and the API.</summary>
    public async Task<IReadOnlyList<ChangeLine>> ForChildAsync(Guid childId, CancellationToken ct)
    {
        var list = await db.ChangeProposals.AsNoTracking().Where(p => p.ChildId == childId).ToListAsync(ct);
        return list.OrderByDescending(p => p.ProposedAt).Select(p => new ChangeLine(p.Id, p.ArrangementId, p.Summary, p.Stage, p.ProposedAt)).ToList();
    }
}
