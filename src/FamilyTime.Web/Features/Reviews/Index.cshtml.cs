using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>The child's reviews of family time: what falls due, what was decided before, and the Independent Visitor.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class IndexModel(ReadReviews read) : PageModel
{
    public ChildReviewsView View { get; private set; } = default!;

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await read.HandleAsync(await HttpContext.ChildAsync(), ct);
}
