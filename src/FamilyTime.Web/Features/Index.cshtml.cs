using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features;

/// <summary>
/// The front door sends each person to where their work starts: parents and carers to their portal, an
/// administrator with no other role to the audit log, everyone else on the staff to their children.
/// </summary>
[AnyoneSignedIn]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(LandingFor(User.Scope()));

    public static string LandingFor(UserScope user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsPortalUser)
        {
            return "/Portal";
        }
        return user.Roles.Count == 1 && user.Is(Roles.Administrator) ? "/Admin/Audit" : "/Children";
    }
}
