using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Children;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>A parent's own page: their children and, later, their sessions. Never the child's home or carers.</summary>
public sealed class IndexModel(ChildList list) : PageModel
{
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        if (!user.Is(Roles.Parent))
        {
            return NotFound();
        }
        Children = (await list.ListAsync(user, null, 1, 50, ct)).Rows;
        return Page();
    }
}
