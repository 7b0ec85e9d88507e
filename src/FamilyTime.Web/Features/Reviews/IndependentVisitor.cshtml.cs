using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>Records the decision about an Independent Visitor referral, either way, with the reasons (guidance section 14).</summary>
[ForChild(ChildOperation.ManageChanges)]
public sealed class IndependentVisitorModel(ReviewWorkflow workflow) : PageModel
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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        bool? referred = Referred switch { "yes" => true, "no" => false, _ => null };
        var outcome = await workflow.DecideIndependentVisitorAsync(User.Actor(), id, referred, Reasons, ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = referred == true ? "The referral for an Independent Visitor is recorded." : "The decision not to refer for an Independent Visitor is recorded, with the reasons.";
            return Redirect($"/Children/{id}/Reviews");
        });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await workflow.ReadAsync(User.Scope(), id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return view.CanEdit ? null : Forbid();
    }
}
