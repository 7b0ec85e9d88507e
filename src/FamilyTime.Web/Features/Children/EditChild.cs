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
public sealed record EditChildCommand(ChildDetails Details, int Version, string? School = null, string? SchoolAddress = null);

/// <summary>The child's social worker or team manager corrects the child's details (the route holds them to <see cref="ChildOperation.EditChild"/>).</summary>
public sealed class EditChild(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(ChildContext context, EditChildCommand cmd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cmd);
        if (!context.Can(ChildOperation.EditChild))
        {
            return Outcome<int>.Forbidden(ChildOperations.RuleFor(ChildOperation.EditChild).Refusal);
        }
        var child = await db.Children.FirstAsync(c => c.Id == context.ChildId, ct);
        if (child.Version != cmd.Version)
        {
            return Outcome<int>.Conflict();
        }
        // The check in the database catches an edit that lands between this read and the save.
        db.Entry(child).Property(c => c.Version).OriginalValue = cmd.Version;

        var errors = child.UpdateDetails(cmd.Details, clock.Today());
        if (errors.IsValid)
        {
            errors = child.AttendSchool(cmd.School, cmd.SchoolAddress);
        }
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
            await audit.SaveAsync(context.Actor.UserId, context.Actor.UserName, new AuditNote(AuditAction.Update, AuditRecord.Child, child.Id, child.Id, changes), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict();
        }
        return Outcome<int>.Ok(child.Version);
    }
}
