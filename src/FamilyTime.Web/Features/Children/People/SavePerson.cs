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
public sealed record SavePersonCommand(Guid? PersonId, PersonDetails Details, int? Version);

/// <summary>The child's social worker or team manager records a person who matters to the child (the route holds them to <see cref="ChildOperation.EditChild"/>).</summary>
public sealed class SavePerson(FamilyTimeDbContext db, AuditedSave audit)
{
    public async Task<Outcome<PersonSaved>> HandleAsync(ChildContext context, SavePersonCommand cmd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cmd);
        if (!context.Can(ChildOperation.EditChild))
        {
            return Outcome<PersonSaved>.Forbidden(ChildOperations.RuleFor(ChildOperation.EditChild).Refusal);
        }
        var (userId, userName, childId) = (context.Actor.UserId, context.Actor.UserName, context.ChildId);

        var errors = new ValidationErrors();
        cmd.Details.Validate(errors);
        if (!errors.IsValid)
        {
            return Outcome<PersonSaved>.Invalid(errors);
        }

        if (cmd.PersonId is not { } personId)
        {
            var child = await db.Children.FirstAsync(c => c.Id == childId, ct);
            var person = child.AddPerson(cmd.Details);
            db.SignificantPeople.Add(person);
            var added = System.Text.Json.JsonSerializer.Serialize(new { person.FullName, Relationship = person.Relationship.ToString() });
            await audit.SaveAsync(userId, userName, new AuditNote(AuditAction.Create, AuditRecord.SignificantPerson, person.Id, child.Id, added), ct);
            return Outcome<PersonSaved>.Ok(new PersonSaved(person.Id, person.Version));
        }

        var existing = await db.SignificantPeople.FirstOrDefaultAsync(p => p.Id == personId && p.ChildId == childId, ct);
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
                await audit.SaveAsync(userId, userName, new AuditNote(AuditAction.Update, AuditRecord.SignificantPerson, existing.Id, childId, changes), ct);
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
