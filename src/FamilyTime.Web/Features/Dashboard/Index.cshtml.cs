using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Dashboard;

[StaffOnly]
public sealed class IndexModel(TeamDashboard dashboard) : PageModel
{
    public IReadOnlyList<TeamWork> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        if (!TeamDashboard.MaySee(user))
        {
            return Forbid();
        }
        Teams = await dashboard.ForAsync(user, ct);
        return Page();
    }
}
