using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// A parent's or family member's own view of a child (issue 11, item 2): upcoming and past family time, the written
/// agreement, why it is supervised and what would need to change, and who to contact. Never the child's home,
/// carers or case; the route lets in family alone, and only their own arrangements are shown.
/// </summary>
[ForChild(ChildOperation.ViewOwnFamilyTime)]
public sealed class ChildModel(ParentFamilyTime family) : PageModel
{
    public FamilyChildView View { get; private set; } = default!;

    /// <param name="weeks">How many weeks ahead to show (8 at first; "later" adds 8 more).</param>
    /// <param name="past">How many weeks back to show (12 at first; "earlier" adds 12 more).</param>
    public async Task OnGetAsync(int? weeks, int? past, CancellationToken ct) =>
        View = await family.ChildAsync(await HttpContext.ChildAsync(), weeks, past, ct);

    public string Later => $"?weeks={View.UpcomingWeeks + ParentFamilyTime.WeeksAhead}&past={View.PastWeeks}#upcoming";
    public string Earlier => $"?weeks={View.UpcomingWeeks}&past={View.PastWeeks + ParentFamilyTime.WeeksBack}#past";
}
