using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>The venues and rooms family time can be arranged at, by area (/Admin/Venues).</summary>
[StaffOnly(Roles.Administrator, Roles.ContactCoordinator)]
public sealed class IndexModel(VenueDirectory directory) : PageModel
{
    public IReadOnlyList<AreaVenues> Areas { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Areas = await directory.ByAreaAsync(ct);
        CanManage = VenueAccess.MayManage(User.Scope());
    }
}
