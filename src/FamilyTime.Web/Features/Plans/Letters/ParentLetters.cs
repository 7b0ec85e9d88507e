using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Letters;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>A letter ready to read; <see cref="Leaks"/> names anything in it that would tell the family where the child lives.</summary>
/// <param name="TranslateInto">The language the recipient reads, when not English: the letter is flagged for translation.</param>
/// <param name="Email">Where an e-mailed letter goes; null when only the post (or by hand) will reach them.</param>
public sealed record LetterDraft(Guid ChildId, Guid ArrangementId, Guid PersonId, string RecipientName, LetterContent Content, string Html, IReadOnlyList<string> Leaks,
    string? TranslateInto = null, string? Email = null, string? Address = null);

public sealed record IssuedLetter(Guid Id, int Number, DateOnly? SentOn, DateTime CreatedAt, string CreatedBy, LetterDelivery? SentBy = null, string? Occasion = null, string? TranslateInto = null);

/// <summary>
/// Writes a parent's letter about one arrangement, and keeps each version sent. Built only from what a parent
/// may read: the child's first name and what they call family time, the venue, the terms, never the child's
/// address nor anything about the carers.
/// </summary>
public sealed class ParentLetters(FamilyTimeDbContext db, AuditedSave audit, IConfiguration config, TimeProvider clock, FamilyOutputGuard guard)
{
    /// <summary>The letter as it reads today; null when the arrangement is not the child's or the person is not in it.</summary>
    public async Task<LetterDraft?> DraftAsync(ChildContext child, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var childId = child.ChildId;
        var arrangement = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == arrangementId && a.ChildId == childId, ct);
        if (arrangement is null || !arrangement.PersonIds.Contains(personId))
        {
            return null;
        }
        var socialWorker = await db.Users.AsNoTracking().Where(u => u.Id == child.SocialWorkerId).Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct);
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
            socialWorker?.DisplayName ?? "Your social worker",
            recipient.Address,
            new LetterContacts(Text.Clean(config["Council:Phone"]), Text.Clean(config["Council:Email"]), Text.Clean(config["Council:Address"]), Text.Clean(socialWorker?.PhoneNumber), Text.Clean(socialWorker?.Email)),
            recipient.SpokenLanguage,
            arrangement.RouteToLessSupervision,
            arrangement.RouteToLessSupervisionBy,
            Domain.Plans.ArrangementWords.PlaceForFamily(arrangement.Place, arrangement.PlaceDescription));
        var content = ParentLetterWriter.Write(facts);
        var leaks = await LeaksAsync(childId, content, [recipient.Address, socialWorker?.DisplayName, socialWorker?.Email, venue?.Name, venue?.Address], ct);
        return new LetterDraft(childId, arrangementId, personId, recipient.FullName, content, LetterHtml.Render(content), leaks,
            ParentLetterWriter.NeedsTranslation(recipient.SpokenLanguage) ? recipient.SpokenLanguage!.Trim() : null, Text.Clean(recipient.Email), Text.Clean(recipient.Address));
    }

    /// <summary>
    /// Free text in an arrangement could carry the carers' names, the home's street or the school into a parent's
    /// letter: every word of the letter passes the family guard before it can be read as the family's, downloaded or
    /// sent. The service's own places (venues, the council's name and address) and the recipient's own address are
    /// theirs to read.
    /// </summary>
    public Task<IReadOnlyList<string>> LeaksAsync(Guid childId, LetterContent content, CancellationToken ct) =>
        LeaksAsync(childId, content, [], ct);

    /// <param name="alsoAllowed">More that the recipient may read: their own address.</param>
    public async Task<IReadOnlyList<string>> LeaksAsync(Guid childId, LetterContent content, IEnumerable<string?> alsoAllowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var home = await guard.ForChildAsync(childId, ct);
        // The service's places already hold the council's name and address.
        var allowed = (await guard.PublicPlacesAsync(ct)).Concat(alsoAllowed.OfType<string>()).ToList();
        return home.Leaks(content.AllText(), allowed);
    }

    public async Task<IReadOnlyList<IssuedLetter>> IssuedAsync(Guid arrangementId, Guid personId, CancellationToken ct) =>
        await db.PlanDocuments.AsNoTracking()
            .Where(x => x.ArrangementId == arrangementId && x.PersonId == personId)
            .OrderByDescending(x => x.Number)
            .Select(x => new IssuedLetter(x.Id, x.Number, x.SentOn, x.CreatedAt, x.CreatedByName, x.SentBy, x.Occasion, x.TranslateInto))
            .ToListAsync(ct);

    /// <summary>The latest version kept of each person's letter for each of the child's arrangements.</summary>
    public async Task<IReadOnlyDictionary<(Guid ArrangementId, Guid PersonId), IssuedLetter>> LatestAsync(Guid childId, CancellationToken ct)
    {
        var all = await db.PlanDocuments.AsNoTracking().Where(x => x.ChildId == childId)
            .Select(x => new { x.ArrangementId, x.PersonId, Letter = new IssuedLetter(x.Id, x.Number, x.SentOn, x.CreatedAt, x.CreatedByName, x.SentBy, x.Occasion, x.TranslateInto) })
            .ToListAsync(ct);
        return all.GroupBy(x => (x.ArrangementId, x.PersonId)).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Letter.Number)!.Letter);
    }

    /// <summary>A stored version's PDF; null when the child has no such document.</summary>
    public async Task<(byte[] Pdf, int Number)?> StoredPdfAsync(ChildContext child, Guid documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction; a document not found is no view, and leaves no entry.
        var doc = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName,
            c => db.PlanDocuments.AsNoTracking().Where(x => x.Id == documentId && x.ChildId == child.ChildId)
                .Select(x => new { x.Pdf, x.Number }).FirstOrDefaultAsync(c),
            d => d is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.PlanDocument, documentId, child.ChildId)], ct);
        return doc is null ? null : (doc.Pdf, doc.Number);
    }
}
