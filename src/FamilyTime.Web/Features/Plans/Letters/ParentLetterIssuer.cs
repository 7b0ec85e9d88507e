using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Letters;
using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using FamilyTime.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>
/// What issuing one letter came to: the version kept, or why none was: it would say where the child lives
/// (<paramref name="Leaks"/>), or the post was chosen and GOV.UK Notify cannot post to the address (<paramref name="PostRefused"/>).
/// </summary>
public sealed record LetterIssued(IssuedLetter? Letter, IReadOnlyList<string> Leaks, string RecipientName, AuditNote? Note = null, string? PostRefused = null);

/// <summary>
/// Keeps a new numbered version of a family member's letter (HTML and PDF) and sends it: by e-mail where there is an
/// address, otherwise by post, otherwise it waits to be handed over. Parents are told in writing whenever the plan is
/// agreed or a change takes effect (guidance sections 7 and 8), so those steps call this for every person in the
/// arrangement; the worker can also keep and send a version from the letter page.
/// </summary>
/// <remarks>
/// A letter the family guard stops is never kept or sent: the social worker gets a task to change the wording.
/// A letter for someone who reads another language is sent in English with a line saying a translation follows,
/// and the social worker gets a task to have it translated.
/// </remarks>
public sealed class ParentLetterIssuer(FamilyTimeDbContext db, ParentLetters letters, Notifier notifier, TaskList tasks, AuditedSave audit, TimeProvider clock,
    IOptions<PostDeliveryOptions> post)
{
    /// <summary>Stages one letter on the caller's unit of work; <paramref name="by"/> null sends it the best way the record allows.</summary>
    public async Task<LetterIssued?> StageAsync(ChildContext child, Guid arrangementId, Guid personId, string? occasion, LetterDelivery? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (await letters.DraftAsync(child, arrangementId, personId, ct) is not { } d)
        {
            return null;
        }
        if (d.Leaks.Count > 0)
        {
            return new LetterIssued(null, d.Leaks, d.RecipientName);
        }
        // Letters printed here can be addressed by hand; GOV.UK Notify's printers need an address they can read.
        var unpostable = post.Value.Sends && d.Address is not null ? PostalAddress.Problem(PostalAddress.Lines(d.RecipientName, d.Address)) : null;
        if (by == LetterDelivery.Post && unpostable is not null)
        {
            return new LetterIssued(null, [], d.RecipientName, PostRefused: unpostable);
        }
        var actor = child.Actor;
        var number = 1 + (await db.PlanDocuments.Where(x => x.ArrangementId == arrangementId && x.PersonId == personId).Select(x => (int?)x.Number).MaxAsync(ct) ?? 0)
            + db.PlanDocuments.Local.Count(x => x.ArrangementId == arrangementId && x.PersonId == personId && db.Entry(x).State == EntityState.Added);
        var document = new PlanDocument(child.ChildId, arrangementId, personId, DocumentKind.ParentLetter, number, clock.GetUtcNow().UtcDateTime,
            actor.UserId, actor.DisplayName, d.Html, LetterPdf.Render(d.Content)).About(occasion, d.TranslateInto);
        var how = by ?? (d.Email is not null ? LetterDelivery.Email : d.Address is not null && unpostable is null ? LetterDelivery.Post : LetterDelivery.ByHand);
        var key = Infrastructure.Messaging.NotifyLetterSender.PlanLetterKeyPrefix + document.Id;
        var text = LetterText.Render(d.Content);
        switch (how)
        {
            case LetterDelivery.Email when d.Email is not null:
                await notifier.EmailAsync(key, d.Email, d.RecipientName, d.Content.Title, text, child.ChildId, ct);
                document.MarkSent(clock.Today(), how);
                break;
            case LetterDelivery.Post when d.Address is not null:
                await notifier.PostAsync(key, d.Address, d.RecipientName, d.Content.Title, text, child.ChildId, ct);
                document.MarkSent(clock.Today(), how);
                break;
            case LetterDelivery.ByHand when by is not null:
                // The worker says they have handed it over.
                document.MarkSent(clock.Today(), how);
                break;
            default:
                await tasks.AddAsync($"letter-hand:{document.Id}", TaskKind.LetterToCheck, child.SocialWorkerId, child.ChildId,
                    unpostable is null
                        ? $"Give {d.RecipientName} version {number} of their letter: there is no e-mail or postal address on the record"
                        : $"Give {d.RecipientName} version {number} of their letter: GOV.UK Notify cannot post it. {unpostable}",
                    ChildLinks.Letter(child.ChildId, arrangementId, personId), clock.Today().AddDays(5), ct);
                break;
        }
        if (d.TranslateInto is { } language)
        {
            await tasks.AddAsync($"letter-translate:{document.Id}", TaskKind.LetterToCheck, child.SocialWorkerId, child.ChildId,
                $"Have version {number} of {d.RecipientName}'s letter translated into {language}",
                ChildLinks.Letter(child.ChildId, arrangementId, personId), clock.Today().AddDays(5), ct);
        }
        db.PlanDocuments.Add(document);
        var note = new AuditNote(AuditAction.Create, AuditRecord.PlanDocument, document.Id, child.ChildId,
            System.Text.Json.JsonSerializer.Serialize(new { Kind = "ParentLetter", document.Number, PersonId = personId, SentBy = document.SentBy?.ToString(), Occasion = occasion }));
        return new LetterIssued(new IssuedLetter(document.Id, number, document.SentOn, document.CreatedAt, actor.DisplayName, document.SentBy, occasion, d.TranslateInto), [], d.RecipientName, note);
    }

    /// <summary>
    /// Every person's letter for these arrangements, saved together: the written notice that follows an agreed plan
    /// or a change taking effect. A letter the guard stops becomes a task for the social worker instead.
    /// </summary>
    public async Task<IReadOnlyList<LetterIssued>> IssueAllAsync(ChildContext child, IReadOnlyList<Guid> arrangementIds, string occasion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(arrangementIds);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id) && a.ChildId == child.ChildId)
            .Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var issued = new List<LetterIssued>();
        foreach (var a in arrangements)
        {
            foreach (var personId in a.PersonIds)
            {
                if (await StageAsync(child, a.Id, personId, occasion, null, ct) is not { } result)
                {
                    continue;
                }
                if (result.Letter is null && result.Leaks.Count > 0)
                {
                    await tasks.AddAsync($"letter-stopped:{a.Id}:{personId}:{clock.GetUtcNow().UtcDateTime.Ticks}", TaskKind.LetterToCheck, child.SocialWorkerId, child.ChildId,
                        $"{result.RecipientName}'s letter was not sent: it mentions {string.Join(" and ", result.Leaks)}. Change the arrangement's wording, then send it",
                        ChildLinks.Letter(child.ChildId, a.Id, personId), clock.Today().AddDays(2), ct);
                }
                issued.Add(result);
            }
        }
        if (issued.Count > 0)
        {
            try
            {
                await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, issued.Select(i => i.Note).OfType<AuditNote>().ToList(), ct);
            }
            catch (DbUpdateException)
            {
                // Someone kept a version of the same letter at this moment, so the numbers clashed. The plan or change
                // is already saved; these letters are not, and the plan shows them "not sent yet" to send from the letter page.
                return [];
            }
        }
        return issued;
    }
}
