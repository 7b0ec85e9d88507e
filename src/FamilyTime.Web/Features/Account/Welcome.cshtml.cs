using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Account;

/// <summary>After an invitation is accepted: the account is ready; where to go next, and the offer of an authenticator app.</summary>
[AnyoneSignedIn]
public sealed class WelcomeModel : PageModel
{
    public bool IsPortal { get; private set; }

    public void OnGet() => IsPortal = Domain.Access.Roles.Portal.Any(User.IsInRole);
}
