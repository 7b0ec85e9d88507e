using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Children.People;

/// <summary>Adds a significant person (no <paramref name="PersonId"/>) or changes one (with the version the editor started from).</summary>
public sealed record SavePersonCommand(Guid ChildId, Guid? PersonId, PersonDetails Details, int? Version);

public sealed class SavePerson(FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit)
{
    public async Task<Outcome<PersonSaved>> HandleAsync(UserScope user, string userName, SavePersonCommand cmd, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(user, cmd.ChildId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<PersonSaved>.NotFound();
        }
        if (!canEdit)
        {
            return Outcome<PersonSaved>.Forbidden("Only the child's social worker or their team manager can change the people in the child's life.");
        }

        var errors = new ValidationErrors();
        cmd.Details.Validate(errors);
        if (!errors.IsValid)
        {
            return Outcome<PersonSaved>.Invalid(errors);
        }

        if (cmd.PersonId is not { } personId)
        {
            var child = await db.Children.FirstAsync(c => c.Id == cmd.ChildId, ct);
            var person = child.AddPerson(cmd.Details);
            db.SignificantPeople.Add(person);
            var added = System.Text.Json.JsonSerializer.Serialize(new { person.FullName, Relationship = person.Relationship.ToString() });
            await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Create, AuditRecord.SignificantPerson, person.Id, child.Id, added), ct);
            return Outcome<PersonSaved>.Ok(new PersonSaved(person.Id, person.Version));
        }

        var existing = await db.SignificantPeople.FirstOrDefaultAsync(p => p.Id == personId && p.ChildId == cmd.ChildId, ct);
        if (existing is null)
        {
            return Outcome<PersonSaved>.NotFound();
        }
        if (cmd.Version is not { } version)
        {
            return Outcome<PersonSaved>.Invalid("Version", "Send the version of the record you are changing");
        }
        if (existing.Version != version)
        {
            return Outcome<PersonSaved>.Conflict();
        }
        db.Entry(existing).Property(p => p.Version).OriginalValue = version;
        existing.Update(cmd.Details);
        var changes = AuditedSave.ChangesOf(db.Entry(existing));
        if (changes is not null)
        {
            try
            {
                await audit.SaveAsync(user.UserId, userName, new AuditNote(AuditAction.Update, AuditRecord.SignificantPerson, existing.Id, cmd.ChildId, changes), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<PersonSaved>.Conflict();
            }
        }
        return Outcome<PersonSaved>.Ok(new PersonSaved(existing.Id, existing.Version));
    }
}

public sealed record PersonSaved(Guid Id, int Version);
