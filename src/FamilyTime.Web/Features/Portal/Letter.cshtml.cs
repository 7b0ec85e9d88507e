using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// A parent reads, or downloads as the PDF that was kept, their own letter: the written agreement. A letter the
/// family guard stops today is not shown: the page says the social worker will send it.
/// </summary>
[ForChild(ChildOperation.ViewOwnFamilyTime)]
public sealed class LetterModel(FamilyLetters letters) : PageModel
{
    public FamilyLetter Letter { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid documentId, CancellationToken ct)
    {
        if (await letters.ReadAsync(await HttpContext.ChildAsync(), documentId, ct) is not { } letter)
        {
            return NotFound();
        }
        Letter = letter;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid documentId, CancellationToken ct)
    {
        if (await letters.ReadAsync(await HttpContext.ChildAsync(), documentId, ct) is not { } letter)
        {
            return NotFound();
        }
        Letter = letter;
        return letter.Pdf is { } pdf ? File(pdf, "application/pdf", LetterPdf.FileName("letter", letter.Number)) : Page();
    }
}
