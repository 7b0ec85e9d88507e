using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Dashboard;

/// <summary>The managers' dashboard: other staff are refused by the route (403 with who it is for), portal users are not told it exists.</summary>
[StaffOnly(Roles.TeamManager, Roles.HeadOfService)]
public sealed class IndexModel(TeamDashboard dashboard) : PageModel
{
    public IReadOnlyList<TeamWork> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Teams = await dashboard.ForAsync(User.Scope(), ct);
}
