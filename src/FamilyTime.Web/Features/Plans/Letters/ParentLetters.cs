using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Letters;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>A letter ready to read; <see cref="Leaks"/> names anything in it that would tell the family where the child lives.</summary>
public sealed record LetterDraft(Guid ChildId, Guid ArrangementId, Guid PersonId, string RecipientName, LetterContent Content, string Html, IReadOnlyList<string> Leaks);

public sealed record IssuedLetter(Guid Id, int Number, DateOnly? SentOn, DateTime CreatedAt, string CreatedBy);

/// <summary>
/// Writes a parent's letter about one arrangement, and keeps each version sent. Built only from what a parent
/// may read: the child's first name and what they call family time, the venue, the terms, never the child's
/// address nor anything about the carers.
/// </summary>
public sealed class ParentLetters(FamilyTimeDbContext db, ChildAccessPolicy access, AuditedSave audit, IConfiguration config, TimeProvider clock)
{
    public async Task<Outcome<LetterDraft>> DraftAsync(Actor actor, Guid childId, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        var (level, _) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.None)
        {
            return Outcome<LetterDraft>.NotFound();
        }
        if (level < ChildAccess.Case)
        {
            return Outcome<LetterDraft>.Forbidden("Letters to the family are written by those who hold the child's case.");
        }
        var arrangement = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == arrangementId && a.ChildId == childId, ct);
        if (arrangement is null || !arrangement.PersonIds.Contains(personId))
        {
            return Outcome<LetterDraft>.NotFound();
        }
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.FirstName, c.PreferredName, c.FamilyTimeName, SocialWorker = db.Users.Where(u => u.Id == c.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => arrangement.PersonIds.Contains(p.Id)).ToListAsync(ct);
        var recipient = people.First(p => p.Id == personId);
        var venue = arrangement.RoomId is { } roomId
            ? await db.Rooms.AsNoTracking().Where(r => r.Id == roomId).Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => new { v.Name, Address = v.Address + ", " + v.Postcode }).FirstOrDefaultAsync(ct)
            : null;
        var today = clock.Today();
        var first = await db.Sessions.AsNoTracking()
            .Where(s => s.ArrangementId == arrangementId && s.Date >= today && s.Status == SessionStatus.Planned)
            .OrderBy(s => s.Date).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);

        var facts = new ParentLetterFacts(
            config["Council:Name"] ?? "Children's services",
            today,
            recipient.FullName,
            child.PreferredName ?? child.FirstName,
            child.FamilyTimeName,
            people.Where(p => p.Id != personId).Select(p => p.FullName).ToList(),
            arrangement.Type,
            arrangement.ReasonForSupervision,
            arrangement.Form,
            arrangement.Schedule?.Describe(),
            first ?? arrangement.FirstDate,
            venue?.Name,
            venue?.Address,
            arrangement.SuggestedActivity,
            arrangement.InterpreterLanguage,
            arrangement.Terms,
            Domain.Plans.PlanWords.Each(arrangement.Purposes).Select(Domain.Plans.PlanWords.Describe).ToList(),
            arrangement.NextReviewOn,
            child.SocialWorker ?? "Your social worker");
        var content = ParentLetterWriter.Write(facts);
        var leaks = await LeaksAsync(childId, content, ct);
        return Outcome<LetterDraft>.Ok(new LetterDraft(childId, arrangementId, personId, recipient.FullName, content, LetterHtml.Render(content), leaks));
    }

    /// <summary>Stores this version of the letter, as HTML and PDF, with today as the date it was sent.</summary>
    public async Task<Outcome<IssuedLetter>> IssueAsync(Actor actor, Guid childId, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        var (_, canEdit) = await access.CheckAsync(actor.Scope, childId, ct);
        var draft = await DraftAsync(actor, childId, arrangementId, personId, ct);
        if (draft.Kind != OutcomeKind.Ok)
        {
            return new Outcome<IssuedLetter>(draft.Kind, null, draft.Errors, draft.Message);
        }
        if (!canEdit)
        {
            return Outcome<IssuedLetter>.Forbidden("Only the child's social worker or their team manager sends letters to the family.");
        }
        var d = draft.Value!;
        if (d.Leaks.Count > 0)
        {
            return Outcome<IssuedLetter>.Invalid("", $"The letter mentions {string.Join(" and ", d.Leaks)}, which tells the family where the child lives. Take it out of the arrangement's wording, then send the letter.");
        }
        var number = 1 + await db.PlanDocuments.Where(x => x.ArrangementId == arrangementId && x.PersonId == personId).Select(x => (int?)x.Number).MaxAsync(ct) ?? 1;
        var document = new PlanDocument(childId, arrangementId, personId, DocumentKind.ParentLetter, number, clock.GetUtcNow().UtcDateTime,
            actor.UserId, actor.DisplayName, d.Html, LetterPdf.Render(d.Content));
        document.MarkSent(clock.Today());
        db.PlanDocuments.Add(document);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName,
                new AuditNote(AuditAction.Create, AuditRecord.PlanDocument, document.Id, childId, System.Text.Json.JsonSerializer.Serialize(new { Kind = "ParentLetter", document.Number, PersonId = personId })), ct);
        }
        catch (DbUpdateException)
        {
            // Someone kept the same version number a moment earlier: theirs stands, this one asks to look again.
            return Outcome<IssuedLetter>.Conflict();
        }
        return Outcome<IssuedLetter>.Ok(new IssuedLetter(document.Id, number, document.SentOn, document.CreatedAt, actor.DisplayName));
    }

    /// <summary>
    /// Free text in an arrangement could carry the carers' name or address into a parent's letter: look for the
    /// child's current home in the letter's words before it can be sent.
    /// </summary>
    public async Task<IReadOnlyList<string>> LeaksAsync(Guid childId, LetterContent content, CancellationToken ct)
    {
        var home = await db.Placements.AsNoTracking().Where(p => p.ChildId == childId && p.EndDate == null)
            .Select(p => new
            {
                p.ResidentialHomeName,
                Household = db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => new { h.Name, h.Address, h.Postcode }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (home is null)
        {
            return [];
        }
        var text = string.Join("\n", content.Sections.SelectMany(s => s.Paragraphs));
        var found = new List<string>();
        void Look(string? value, string label)
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 4 && text.Contains(value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                found.Add(label);
            }
        }
        Look(home.Household?.Name, "the carers' names");
        Look(home.Household?.Address, "the carers' address");
        Look(home.Household?.Postcode, "the carers' postcode");
        Look(home.ResidentialHomeName, "the name of the child's residential home");
        return found;
    }

    public async Task<IReadOnlyList<IssuedLetter>> IssuedAsync(Guid arrangementId, Guid personId, CancellationToken ct) =>
        await db.PlanDocuments.AsNoTracking()
            .Where(x => x.ArrangementId == arrangementId && x.PersonId == personId)
            .OrderByDescending(x => x.Number)
            .Select(x => new IssuedLetter(x.Id, x.Number, x.SentOn, x.CreatedAt, x.CreatedByName))
            .ToListAsync(ct);

    /// <summary>A stored version's PDF, for those who hold the case.</summary>
    public async Task<Outcome<(byte[] Pdf, int Number)>> StoredPdfAsync(Actor actor, Guid childId, Guid documentId, CancellationToken ct)
    {
        var (level, _) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level < ChildAccess.Case)
        {
            return Outcome<(byte[], int)>.NotFound();
        }
        var doc = await db.PlanDocuments.AsNoTracking().Where(x => x.Id == documentId && x.ChildId == childId)
            .Select(x => new { x.Pdf, x.Number }).FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return Outcome<(byte[], int)>.NotFound();
        }
        await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.View, AuditRecord.PlanDocument, documentId, childId), ct);
        return Outcome<(byte[], int)>.Ok((doc.Pdf, doc.Number));
    }
}
