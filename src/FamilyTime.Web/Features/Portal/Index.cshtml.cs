using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// The portal's front page. A parent sees their next family time first, then each child's, never the child's home or
/// carers; a carer sees what's next for the children living with them; a young person sees their own part.
/// </summary>
[PortalOnly]
public sealed class IndexModel(ParentFamilyTime family) : PageModel
{
    /// <summary>The parent's next family time across their children, each child's, and their new notes (issue 11).</summary>
    public FamilyFront Front { get; private set; } = new(null, [], 0);
    public bool IsParent { get; private set; }
    public bool IsCarer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        IsParent = user.Is(Roles.Parent);
        IsCarer = user.Is(Roles.Carer);
        if (IsParent)
        {
            Front = await family.FrontAsync(User.Actor(), ct);
        }
        // The carer's part reads its own children (Features/Portal/Carer/CarerWhatsNextViewComponent).
    }
}
