using FamilyTime.Domain.Language;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Language;

/// <summary>
/// The language check on its own: a member of staff pastes what they wrote and gets the advice. Nothing is stored,
/// so nothing is audited; carers and parents are not asked to write records, so the page is for staff (the route says so).
/// </summary>
[StaffOnly]
public sealed class CheckModel(LanguageCheck check) : PageModel
{
    public const int MaxText = 20_000;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? ChildsWord { get; set; }

    public WordAdviceModel? Advice { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Paste or write the text to check");
        }
        else if (Text.Length > MaxText)
        {
            ModelState.AddModelError(nameof(Text), $"The text must be {MaxText:N0} characters or fewer; check it in parts");
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        Advice = WordAdviceModel.Check(check, ChildsWord, [(nameof(Text), "What you have written", Text)]);
        return Page();
    }
}
