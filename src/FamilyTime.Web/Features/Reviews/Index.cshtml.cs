using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>The child's reviews of family time: what falls due, what was decided before, and the Independent Visitor.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class IndexModel(ReviewWorkflow workflow) : PageModel
{
    public ChildReviewsView View { get; private set; } = default!;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await workflow.ReadAsync(User.Scope(), id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
