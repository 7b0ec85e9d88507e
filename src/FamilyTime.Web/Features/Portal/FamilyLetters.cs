using System.Net;
using System.Text.RegularExpressions;
using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// A parent's own letter as it was kept: <see cref="Html"/> and <see cref="Pdf"/> are null when the family guard
/// finds in it anything that would tell them where the child lives (the home moved, a carer's name was added since):
/// then the page says the social worker will send it instead of showing it.
/// </summary>
public sealed record FamilyLetter(Guid DocumentId, Guid ChildId, int Number, DateOnly? SentOn, string? Html, byte[]? Pdf)
{
    public bool Withheld => Html is null;
}

/// <summary>
/// The written agreement a parent may read from the portal: a version kept of their own letter (one addressed to one
/// of their people) about the child, checked again by the family guard as it is read, since where the child lives
/// may have changed since it was written.
/// </summary>
public sealed partial class FamilyLetters(FamilyTimeDbContext db, FamilyOutputGuard guard, AuditedSave audit)
{
    /// <summary>The letter, or null when it is not this reader's (answered 404 like any record out of reach).</summary>
    public async Task<FamilyLetter?> ReadAsync(ChildContext child, Guid documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction; a letter not theirs is no view, and leaves no entry. The
        // entry says what was withheld, from what was read.
        var read = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, c => LoadAsync(child, documentId, c),
            r => r is not { } x ? [] : [new AuditNote(AuditAction.View, AuditRecord.PlanDocument, x.Letter.DocumentId, child.ChildId,
                x.Leaks.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(new { WithheldFromFamily = x.Leaks }))], ct);
        return read?.Letter;
    }

    private async Task<(FamilyLetter Letter, IReadOnlyList<string> Leaks)?> LoadAsync(ChildContext child, Guid documentId, CancellationToken ct)
    {
        var userId = child.Actor.UserId;
        var doc = await db.PlanDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ChildId == child.ChildId
                && db.SignificantPeople.Any(p => p.Id == d.PersonId && p.ChildId == child.ChildId && p.PortalUserId == userId))
            .Select(d => new { d.Id, d.Number, d.SentOn, d.Html, d.Pdf, RecipientAddress = db.SignificantPeople.Where(p => p.Id == d.PersonId).Select(p => p.Address).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return null;
        }
        var home = await guard.ForChildAsync(child.ChildId, ct);
        // What was theirs to read when the letter was written (ParentLetters.LeaksAsync) is theirs to read now: the
        // service's places, their own address, the social worker's name and e-mail and the arrangement's venue.
        // Without the last two, a carer who shares the worker's surname would withhold every letter.
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == child.SocialWorkerId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        var venue = await (from d in db.PlanDocuments
                           join a in db.Arrangements on d.ArrangementId equals a.Id
                           join v in db.Venues on a.VenueId equals v.Id
                           where d.Id == doc.Id
                           select new { v.Name, v.Address }).AsNoTracking().FirstOrDefaultAsync(ct);
        var allowed = (await guard.PublicPlacesAsync(ct))
            .Concat(new[] { doc.RecipientAddress, worker?.DisplayName, worker?.Email, venue?.Name, venue?.Address }.OfType<string>())
            .ToList();
        var leaks = home.Leaks([TextOf(doc.Html)], allowed);
        var letter = leaks.Count == 0
            ? new FamilyLetter(doc.Id, child.ChildId, doc.Number, doc.SentOn, doc.Html, doc.Pdf)
            : new FamilyLetter(doc.Id, child.ChildId, doc.Number, doc.SentOn, null, null);
        return (letter, leaks);
    }

    /// <summary>The words of a kept letter, as a reader sees them: tags out, entities decoded.</summary>
    public static string TextOf(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
