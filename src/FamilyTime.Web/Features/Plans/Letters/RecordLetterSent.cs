using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Letters;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>Keeps this version of a family member's letter, as HTML and PDF, with today as the date it was sent.</summary>
public sealed class RecordLetterSent(FamilyTimeDbContext db, ParentLetters letters, AuditedSave audit, TimeProvider clock)
{
    public async Task<Outcome<IssuedLetter>> HandleAsync(ChildContext child, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (await letters.DraftAsync(child, arrangementId, personId, ct) is not { } d)
        {
            return Outcome<IssuedLetter>.NotFound();
        }
        if (d.Leaks.Count > 0)
        {
            return Outcome<IssuedLetter>.Invalid("", $"The letter mentions {string.Join(" and ", d.Leaks)}, which tells the family where the child lives. Take it out of the arrangement's wording, then send the letter.");
        }
        var actor = child.Actor;
        var number = 1 + await db.PlanDocuments.Where(x => x.ArrangementId == arrangementId && x.PersonId == personId).Select(x => (int?)x.Number).MaxAsync(ct) ?? 1;
        var document = new PlanDocument(child.ChildId, arrangementId, personId, DocumentKind.ParentLetter, number, clock.GetUtcNow().UtcDateTime,
            actor.UserId, actor.DisplayName, d.Html, LetterPdf.Render(d.Content));
        document.MarkSent(clock.Today());
        db.PlanDocuments.Add(document);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName,
                new AuditNote(AuditAction.Create, AuditRecord.PlanDocument, document.Id, child.ChildId, System.Text.Json.JsonSerializer.Serialize(new { Kind = "ParentLetter", document.Number, PersonId = personId })), ct);
        }
        catch (DbUpdateException)
        {
            // Someone kept the same version number a moment earlier: theirs stands, this one asks to look again.
            return Outcome<IssuedLetter>.Conflict();
        }
        return Outcome<IssuedLetter>.Ok(new IssuedLetter(document.Id, number, document.SentOn, document.CreatedAt, actor.DisplayName));
    }
}
