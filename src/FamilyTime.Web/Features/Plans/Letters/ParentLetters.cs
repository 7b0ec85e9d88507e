using FamilyTime.Data;
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
public sealed class ParentLetters(FamilyTimeDbContext db, AuditedSave audit, IConfiguration config, TimeProvider clock)
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
        var socialWorker = await db.Users.AsNoTracking().Where(u => u.Id == child.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
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
            socialWorker ?? "Your social worker",
            arrangement.RouteToLessSupervision,
            arrangement.RouteToLessSupervisionBy,
            Domain.Plans.ArrangementWords.PlaceForFamily(arrangement.Place, arrangement.PlaceDescription));
        var content = ParentLetterWriter.Write(facts);
        var leaks = await LeaksAsync(childId, content, ct);
        return new LetterDraft(childId, arrangementId, personId, recipient.FullName, content, LetterHtml.Render(content), leaks);
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

    /// <summary>A stored version's PDF; null when the child has no such document.</summary>
    public async Task<(byte[] Pdf, int Number)?> StoredPdfAsync(ChildContext child, Guid documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var doc = await db.PlanDocuments.AsNoTracking().Where(x => x.Id == documentId && x.ChildId == child.ChildId)
            .Select(x => new { x.Pdf, x.Number }).FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return null;
        }
        await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.PlanDocument, documentId, child.ChildId), ct);
        return (doc.Pdf, doc.Number);
    }
}
