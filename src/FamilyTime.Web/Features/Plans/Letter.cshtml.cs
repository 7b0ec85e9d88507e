using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans.Letters;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>A family member's letter about one arrangement: read it, download it as PDF, record it as sent.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class LetterModel(ParentLetters letters) : PageModel
{
    public LetterDraft Draft { get; private set; } = default!;
    public IReadOnlyList<IssuedLetter> Issued { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid arrangementId, Guid personId, CancellationToken ct) =>
        await LoadAsync(arrangementId, personId, ct) ? Page() : NotFound();

    /// <summary>The letter as it reads today, as a PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid arrangementId, Guid personId, CancellationToken ct) =>
        await LoadAsync(arrangementId, personId, ct)
            ? File(LetterPdf.Render(Draft.Content), "application/pdf", FileName(Draft.RecipientName, null))
            : NotFound();

    /// <summary>A version exactly as it was sent.</summary>
    public async Task<IActionResult> OnGetStoredAsync(Guid documentId, CancellationToken ct) =>
        await letters.StoredPdfAsync(await HttpContext.ChildAsync(), documentId, ct) is { } stored
            ? File(stored.Pdf, "application/pdf", FileName("letter", stored.Number))
            : NotFound();

    [ForChild(ChildOperation.EditPlan)]
    public async Task<IActionResult> OnPostAsync(Guid arrangementId, Guid personId, [FromServices] RecordLetterSent send, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await send.HandleAsync(child, arrangementId, personId, ct);
        var answer = this.Answer(outcome, sent =>
        {
            Saved = $"Version {sent.Number} of the letter is kept, sent on {sent.SentOn:d MMMM yyyy}.";
            return Redirect(ChildLinks.Letter(child.ChildId, arrangementId, personId));
        });
        // Not kept: the letter again, with what stopped it.
        return answer is PageResult && !await LoadAsync(arrangementId, personId, ct) ? NotFound() : answer;
    }

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

    private static string FileName(string name, int? version) =>
        $"family-time-{new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray())}{(version is { } v ? $"-v{v}" : "")}.pdf";
}
