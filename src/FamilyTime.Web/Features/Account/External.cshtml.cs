using FamilyTime.Data.Identity;
using FamilyTime.Web.Features.Account.Mfa;
using FamilyTime.Web.Features.Account.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// The council's identity provider has signed someone in: <see cref="LinkCouncilAccount"/> finds their staff account
/// (single sign-on never creates access), then they are signed in. A second factor is asked for here too unless the
/// council's sign-in is trusted to have asked (<see cref="MfaPolicy.SingleSignOnCarriesMfa"/>).
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SignInManager<ApplicationUser> signIn, LinkCouncilAccount link, MfaPolicy policy) : PageModel
{
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var safe = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Refuse("The council sign-in did not complete. Try again.");
        }
        var properties = info.AuthenticationProperties;
        var found = await link.FindAsync(info, properties?.GetString(LinkCouncilAccount.SetUpUserItem), properties?.GetString(LinkCouncilAccount.SetUpTokenItem), ct);
        if (found.User is null)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Refuse(found.Problem ?? LinkCouncilAccount.NotLinked);
        }
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: policy.SingleSignOnCarriesMfa);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = safe });
        }
        if (!result.Succeeded)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Refuse("Your Family time account cannot sign in at the moment. Ask an administrator.");
        }
        return LocalRedirect(safe);
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
