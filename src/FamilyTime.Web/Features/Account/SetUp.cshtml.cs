using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

/// <summary>How long a staff account's set-up link works (Identity's password-reset token).</summary>
public static class SetUpLink
{
    public const int LifespanDays = 3;
}

/// <summary>
/// A new member of staff chooses their password from the link an administrator's "add" sent them (/Account/SetUp).
/// The link is Identity's password-reset token: it works once (setting the password renews the account's security
/// stamp), for <see cref="SetUpLink.LifespanDays"/> days, and not for a deactivated account. Any link that cannot be
/// used gets the same answer, so links cannot be probed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class SetUpModel(UserManager<ApplicationUser> users, IAuthenticationSchemeProvider schemes, SignInManager<ApplicationUser> signIn) : PageModel
{
    /// <summary>The council's sign-in, when set up: the new starter may use it instead of a password.</summary>
    public string? SingleSignOn { get; private set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? UserName { get; private set; }
    public bool Unusable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await UsableAsync();
        if (user is null)
        {
            return Gone();
        }
        UserName = user.UserName;
        SingleSignOn = (await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme))?.DisplayName;
        return Page();
    }

    /// <summary>Links the council account that signs in next to this account (the link is its proof), instead of a password.</summary>
    public async Task<IActionResult> OnPostCouncilAsync()
    {
        if (await UsableAsync() is null || await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is null)
        {
            return Gone();
        }
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, Url.Page("External", new { ReturnUrl = "/" }));
        properties.Items[Features.Account.SingleSignOn.LinkCouncilAccount.SetUpUserItem] = UserId;
        properties.Items[Features.Account.SingleSignOn.LinkCouncilAccount.SetUpTokenItem] = Token;
        return Challenge(properties, OpenIdConnectDefaults.AuthenticationScheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UsableAsync();
        if (user is null)
        {
            return Gone();
        }
        UserName = user.UserName;
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same: type the same password twice");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token!, Password!);
        if (result.Succeeded)
        {
            TempData["SignInMessage"] = "Your password is set. Sign in with your user name and new password.";
            return RedirectToPage("SignIn");
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return Gone();
        }
        foreach (var e in result.Errors)
        {
            ModelState.AddModelError(nameof(Password), PasswordWords.Describe(e, users.Options.Password) ?? e.Description);
        }
        return Page();
    }

    private async Task<ApplicationUser?> UsableAsync()
    {
        if (string.IsNullOrWhiteSpace(UserId) || string.IsNullOrWhiteSpace(Token) || UserId.Length > 100 || Token.Length > 2000)
        {
            return null;
        }
        var user = await users.FindByIdAsync(UserId);
        if (user is null || user.SuspendedAt is not null
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, Token))
        {
            return null;
        }
        return user;
    }

    private PageResult Gone()
    {
        Unusable = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
