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

    public async Task<IActionResult> OnGetAsync(Guid id, Guid arrangementId, Guid personId, CancellationToken ct) =>
        await LoadAsync(id, arrangementId, personId, ct) ?? Page();

    /// <summary>The letter as it reads today, as a PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        if (await LoadAsync(id, arrangementId, personId, ct) is { } refused)
        {
            return refused;
        }
        return File(LetterPdf.Render(Draft.Content), "application/pdf", FileName(Draft.RecipientName, null));
    }

    /// <summary>A version exactly as it was sent.</summary>
    public async Task<IActionResult> OnGetStoredAsync(Guid id, Guid arrangementId, Guid personId, Guid documentId, CancellationToken ct)
    {
        var stored = await letters.StoredPdfAsync(User.Actor(), id, documentId, ct);
        if (stored.Kind != OutcomeKind.Ok)
        {
            return NotFound();
        }
        return File(stored.Value.Pdf, "application/pdf", FileName("letter", stored.Value.Number));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        var outcome = await letters.IssueAsync(User.Actor(), id, arrangementId, personId, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Saved = $"Version {outcome.Value!.Number} of the letter is kept, sent on {outcome.Value.SentOn:d MMMM yyyy}.";
                return Redirect($"/Children/{id}/Plan/Arrangements/{arrangementId}/Letter/{personId}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                return await LoadAsync(id, arrangementId, personId, ct) ?? Page();
            default:
                ModelState.AddAll(outcome.Errors!, "");
                return await LoadAsync(id, arrangementId, personId, ct) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid arrangementId, Guid personId, CancellationToken ct)
    {
        var draft = await letters.DraftAsync(User.Actor(), id, arrangementId, personId, ct);
        switch (draft.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }
        Draft = draft.Value!;
        Issued = await letters.IssuedAsync(arrangementId, personId, ct);
        return null;
    }

    private static string FileName(string name, int? version) =>
        $"family-time-{new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray())}{(version is { } v ? $"-v{v}" : "")}.pdf";
}
