using System.ComponentModel.DataAnnotations;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Voice;

/// <summary>The young person says what family time is called (their own record's name for it).</summary>
[ForChild(ChildOperation.SpeakForSelf)]
public sealed class NameModel(NameFamilyTime name) : PageModel
{
    public sealed class NameInput
    {
        [Display(Name = "What do you want to call it?")]
        public string? FamilyTimeName { get; set; }
    }

    [BindProperty]
    public NameInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public Guid ChildId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        // The young person's own words, as they are: shown redacted, saving the page unchanged would write "[removed]" over them.
        Input.FamilyTimeName = child.FamilyTimeName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        var outcome = await name.NameAsync(child, Input.FamilyTimeName, ct);
        return this.Answer(outcome, named =>
        {
            Saved = $"Thank you. We’ll call it “{named.Name}” from now on.";
            return Redirect(ChildLinks.MyVoice(child.ChildId) + "/Name");
        }, prefix: "Input.");
    }
}
