using FamilyTime.Web.Access;
using FamilyTime.Domain.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features;

/// <summary>The front door sends each person to where their work starts.</summary>
[AnyoneSignedIn]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Scope().IsPortalUser)
        {
            return Redirect("/Portal");
        }
        var roles = User.Claims.Count(c => c.Type == System.Security.Claims.ClaimTypes.Role);
        return User.IsInRole(Roles.Administrator) && roles == 1 ? Redirect("/Admin/Audit") : Redirect("/Children");
    }
}
