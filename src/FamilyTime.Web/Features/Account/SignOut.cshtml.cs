using System.Security.Claims;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// Signs out of Family time, ending every sign-in of the account (<see cref="EndSessions"/>); someone who came in through the council's sign-in is signed out there too (the identity
/// provider's end-session endpoint), so a shared computer is not left signed in to the council.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, IAuthenticationSchemeProvider schemes, EndSessions sessions) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var council = User.FindFirstValue(ClaimTypes.AuthenticationMethod) == OpenIdConnectDefaults.AuthenticationScheme
            && await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;
        await sessions.EndAllAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), "signed out");
        await signIn.SignOutAsync();
        return council
            ? SignOut(new AuthenticationProperties { RedirectUri = "/Account/SignOut" }, OpenIdConnectDefaults.AuthenticationScheme)
            : RedirectToPage();
    }
}
