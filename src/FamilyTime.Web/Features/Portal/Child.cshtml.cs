using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Children;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

[ForChild(ChildOperation.ViewOwnFamilyTime)]
public sealed class ChildModel(ChildRecord record) : PageModel
{
    public ChildView Child { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = User.Scope();
        if (!user.Is(Roles.Parent))
        {
            return NotFound();
        }
        var view = await record.ViewAsync(user, User.UserName(), id, ct);
        if (view is not { Access: ChildAccess.Family })
        {
            return NotFound();
        }
        Child = view;
        return Page();
    }
}
