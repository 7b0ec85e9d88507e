using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// The council's identity provider has signed someone in. Only people who already have a FamilyTime account
/// (matched by email the first time, then by the linked login) get in: single sign-on never creates access.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : PageModel
{
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = "The council sign-in did not complete. Try again.";
            return Page();
        }
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            var email = info.Principal.FindFirstValue(ClaimTypes.Email);
            var user = email is null ? null : await users.FindByEmailAsync(email);
            if (user is null || (await users.AddLoginAsync(user, info)) is not { Succeeded: true })
            {
                Problem = "Your council account is not linked to a Family time account. Ask an administrator to set one up for you.";
                return Page();
            }
            await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
