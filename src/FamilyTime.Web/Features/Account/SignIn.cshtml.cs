using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Account.Throttle;
using Microsoft.AspNetCore.Authorization;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, PasswordSignIn passwords, IAuthenticationSchemeProvider schemes) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? SingleSignOn { get; private set; }

    public async Task OnGetAsync() => await FindSingleSignOnAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await FindSingleSignOnAsync();
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", "Enter your user name");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await passwords.SignInAsync(Input.UserName!, Input.Password!, isPersistent: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl() });
        }
        // One answer for every refusal (unknown name, wrong password, too many tries, suspended): see PasswordSignIn.
        ModelState.AddModelError("Input.UserName", PasswordSignIn.RefusedOnPage);
        Input.Password = null;
        return Page();
    }

    public IActionResult OnPostExternal()
    {
        var redirect = Url.Page("External", new { ReturnUrl = SafeReturnUrl() });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, redirect);
        return Challenge(properties, OpenIdConnectDefaults.AuthenticationScheme);
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private async Task FindSingleSignOnAsync() =>
        SingleSignOn = (await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme))?.DisplayName;
}

public sealed class SignInInput
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
