using FamilyTime.Data.Identity;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Account.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// Change your password (/Account/Password). Every other browser and app signed in to the account is signed out; this
/// one gets a fresh cookie. An account that signs in only through the council has no password here, and is told so.
/// </summary>
[AnyoneSignedIn]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class PasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, PasswordChange change) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool HasPassword { get; private set; }
    public string? UserName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        HasPassword = user.PasswordHash is not null;
        UserName = user.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        HasPassword = user.PasswordHash is not null;
        UserName = user.UserName;
        var errors = await change.ChangeAsync(user, CurrentPassword, NewPassword, ConfirmPassword ?? "");
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
            CurrentPassword = NewPassword = ConfirmPassword = null;
            return Page();
        }
        // Everything was signed out by the change; this browser carries on with a cookie holding the new stamp.
        await signIn.RefreshSignInAsync(user);
        TempData["SecurityMessage"] = "Your password has changed. Every other browser and app signed in to your account has been signed out.";
        return RedirectToPage("Security");
    }
}
