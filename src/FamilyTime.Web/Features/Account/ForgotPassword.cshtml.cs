using FamilyTime.Web.Features.Account.Passwords;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

/// <summary>"Forgotten your password?" (/Account/ForgotPassword): the same answer for every name or address (see <see cref="PasswordReset"/>).</summary>
[AllowAnonymous]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    /// <summary>Longer than any user name or address Identity keeps.</summary>
    public const int Longest = 256;

    [BindProperty]
    public string? NameOrEmail { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(NameOrEmail))
        {
            ModelState.AddModelError(nameof(NameOrEmail), "Enter your user name or e-mail address");
            return Page();
        }
        if (NameOrEmail.Length > Longest)
        {
            ModelState.AddModelError(nameof(NameOrEmail), $"Enter a user name or e-mail address of {Longest} characters or fewer");
            return Page();
        }
        await reset.RequestAsync(NameOrEmail, Request.LinkBase(), ct);
        Sent = true;
        return Page();
    }
}
