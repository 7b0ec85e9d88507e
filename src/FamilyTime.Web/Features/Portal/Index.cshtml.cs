using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Children;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// The portal's front page. A parent sees their children and, later, their sessions, never the child's home or
/// carers; a carer sees the children living with them and where to record how they are.
/// </summary>
[PortalOnly]
public sealed class IndexModel(ChildList list) : PageModel
{
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public bool IsParent { get; private set; }
    public bool IsCarer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        IsParent = user.Is(Roles.Parent);
        IsCarer = user.Is(Roles.Carer);
        if (IsParent)
        {
            Children = (await list.ListAsync(user, null, 1, 50, ct, operation: ChildOperation.ViewOwnFamilyTime)).Rows;
        }
        // The carer's part reads its own children (Features/Portal/Carer/CarerWhatsNextViewComponent).
    }
}
