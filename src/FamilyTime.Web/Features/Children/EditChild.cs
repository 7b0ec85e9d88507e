using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Children;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children;

/// <summary>Corrects who the child is. <paramref name="Version"/> is the version the editor started from.</summary>
public sealed record EditChildCommand(Guid ChildId, ChildDetails Details, int Version);

public sealed class EditChild(FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(UserScope user, string userName, EditChildCommand cmd, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(user, cmd.ChildId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<int>.NotFound();
        }
        if (!canEdit)
        {
            return Outcome<int>.Forbidden("Only the child's social worker or their team manager can change the child's details.");
        }
        var child = await db.Children.FirstAsync(c => c.Id == cmd.ChildId, ct);
        if (child.Version != cmd.Version)
        {
            return Outcome<int>.Conflict();
        }
        // The check in the database catches an edit that lands between this read and the save.
        db.Entry(child).Property(c => c.Version).OriginalValue = cmd.Version;

        var errors = child.UpdateDetails(cmd.Details, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<int>.Invalid(errors);
        }
        var changes = AuditedSave.ChangesOf(db.Entry(child));
        if (changes is null)
        {
            return Outcome<int>.Ok(child.Version);
        }
        try
        {
            await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Update, AuditRecord.Child, child.Id, child.Id, changes), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict();
        }
        return Outcome<int>.Ok(child.Version);
    }
}
