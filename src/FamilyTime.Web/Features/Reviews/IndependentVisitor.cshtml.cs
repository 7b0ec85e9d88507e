using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>Records the decision about an Independent Visitor referral, either way, with the reasons (guidance section 14).</summary>
[ForChild(ChildOperation.ManageChanges)]
public sealed class IndependentVisitorModel(ReadReviews read, RecordIndependentVisitorDecision record) : PageModel
{
    /// <summary>"yes" or "no", kept as text so an unanswered question is a clear message rather than a binding error.</summary>
    [BindProperty] public string? Referred { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public ChildReviewsView View { get; private set; } = default!;

    public static IReadOnlyList<SelectListItem> Choices { get; } =
    [
        new("Yes, refer for an Independent Visitor", "yes"),
        new("No, not now", "no"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => View = await read.HandleAsync(await HttpContext.ChildAsync(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        bool? referred = Referred switch { "yes" => true, "no" => false, _ => null };
        var outcome = await record.HandleAsync(child, referred, Reasons, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            TempData["Saved"] = referred == true ? "The referral for an Independent Visitor is recorded." : "The decision not to refer for an Independent Visitor is recorded, with the reasons.";
            return Redirect(ChildLinks.Reviews(child.ChildId));
        }, again: async show =>
        {
            // The form shows the prompt again above its errors.
            View = await read.HandleAsync(child, ct);
            return show();
        });
    }
}
