using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

/// <summary>The second step of signing in, for accounts that have set up an authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var typed = Code?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (typed.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app, or a recovery code");
            return Page();
        }
        var digits = typed.Replace("-", "", StringComparison.Ordinal);
        // Six digits are the app's code; anything else is tried as one of the recovery codes (used once, then gone).
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(typed);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Your account is locked after too many wrong attempts. Try again in 15 minutes."
            : "The code is not right. Check your authenticator app and enter the code it shows now, or a recovery code you have not used.");
        return Page();
    }
}
