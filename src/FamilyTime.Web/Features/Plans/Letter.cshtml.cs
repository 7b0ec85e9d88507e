using FamilyTime.Domain.Access;
using FamilyTime.Domain.Letters;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans.Letters;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>A family member's letter about one arrangement: read it, download it as PDF, keep and send a version.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class LetterModel(ParentLetters letters) : PageModel
{
    public LetterDraft Draft { get; private set; } = default!;
    public IReadOnlyList<IssuedLetter> Issued { get; private set; } = [];

    /// <summary>How the worker sends this version: e-mail, post, or handed over.</summary>
    [BindProperty]
    public LetterDelivery? SendBy { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid arrangementId, Guid personId, CancellationToken ct) =>
        await LoadAsync(arrangementId, personId, ct) ? Page() : NotFound();

    /// <summary>
    /// The letter as it reads today, as a PDF; refused, like sending, while it would tell the family where the
    /// child lives: a PDF is as easily printed and handed over as a letter sent.
    /// </summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid arrangementId, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(arrangementId, personId, ct))
        {
            return NotFound();
        }
        if (Draft.Leaks.Count > 0)
        {
            ModelState.AddModelError("", $"The PDF cannot be downloaded: the letter mentions {string.Join(" and ", Draft.Leaks)}, which tells the family where the child lives. Change the arrangement’s wording first.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return File(LetterPdf.Render(Draft.Content), "application/pdf", LetterPdf.FileName(Draft.RecipientName, null));
    }

    /// <summary>A version exactly as it was sent.</summary>
    public async Task<IActionResult> OnGetStoredAsync(Guid documentId, CancellationToken ct) =>
        await letters.StoredPdfAsync(await HttpContext.ChildAsync(), documentId, ct) is { } stored
            ? File(stored.Pdf, "application/pdf", LetterPdf.FileName("letter", stored.Number))
            : NotFound();

    [ForChild(ChildOperation.EditPlan)]
    public async Task<IActionResult> OnPostAsync(Guid arrangementId, Guid personId, [FromServices] RecordLetterSent send, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await send.HandleAsync(child, arrangementId, personId, SendBy, ct);
        var answer = this.Answer(outcome, sent =>
        {
            Saved = $"Version {sent.Number} of the letter is kept, sent {SentWords(sent.SentBy)} on {sent.SentOn:d MMMM yyyy}.";
            return Redirect(ChildLinks.Letter(child.ChildId, arrangementId, personId));
        });
        // Not kept: the letter again, with what stopped it.
        return answer is PageResult && !await LoadAsync(arrangementId, personId, ct) ? NotFound() : answer;
    }

    /// <summary>"by e-mail", "by post", "by hand" for a sent version.</summary>
    public static string SentWords(LetterDelivery? by) => by switch
    {
        LetterDelivery.Email => "by e-mail",
        LetterDelivery.Post => "by post",
        LetterDelivery.ByHand => "by hand",
        _ => "",
    };

    private async Task<bool> LoadAsync(Guid arrangementId, Guid personId, CancellationToken ct)
    {
        if (await letters.DraftAsync(await HttpContext.ChildAsync(), arrangementId, personId, ct) is not { } draft)
        {
            return false;
        }
        Draft = draft;
        Issued = await letters.IssuedAsync(arrangementId, personId, ct);
        return true;
    }
}
