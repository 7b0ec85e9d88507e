using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Children;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// The portal's front page. A parent sees their next family time first, then each child's, never the child's home or
/// carers; a carer sees the children living with them and where to record how they are.
/// </summary>
[PortalOnly]
public sealed class IndexModel(ChildList list, ParentFamilyTime family) : PageModel
{
    /// <summary>The parent's next family time across their children, each child's, and their new notes (issue 11).</summary>
    public FamilyFront Front { get; private set; } = new(null, [], 0);
    public IReadOnlyList<ChildRow> LivingWithYou { get; private set; } = [];
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
        if (IsCarer)
        {
            LivingWithYou = (await list.ListAsync(user, null, 1, 50, ct, operation: ChildOperation.ViewWellbeing)).Rows;
        }
    }
}
