using FamilyTime.Data.Identity;
using FamilyTime.Web.Features.Account.Passwords;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// A new password from a "forgotten password" link (/Account/ResetPassword?code=…). A link used, more than an hour
/// old, or otherwise unusable gets the same page (404), so links cannot be probed. Setting the password signs the
/// account out everywhere; the person then signs in with it.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class ResetPasswordModel(PasswordResetLinks links, PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? UserName { get; private set; }
    public bool Unusable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await links.ReadAsync(Code);
        if (user is null)
        {
            return Gone();
        }
        UserName = user.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await links.ReadAsync(Code);
        if (user is null)
        {
            return Gone();
        }
        UserName = user.UserName;
        var errors = await reset.ResetAsync(user, NewPassword, ConfirmPassword);
        if (errors.Count == 0)
        {
            TempData["SignInMessage"] = "Your password has changed. Sign in with your user name and new password.";
            return RedirectToPage("SignIn");
        }
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }
        NewPassword = ConfirmPassword = null;
        return Page();
    }

    private PageResult Gone()
    {
        Unusable = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
