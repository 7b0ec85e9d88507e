using FamilyTime.Web.Access;
using System.Text;
using FamilyTime.Data.Identity;
using FamilyTime.Web.Features.Account.Mfa;
using FamilyTime.Web.Features.Account.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): set up, with ten one-use recovery codes shown once; new codes
/// and turning it off both need a current code, so a session left open is not enough to weaken the account. A role
/// that needs it (<see cref="MfaPolicy"/>) cannot turn it off; an administrator can reset it for someone who lost
/// their phone. Each of these changes also needs the current password (<see cref="RecentProof"/>).
/// </summary>
[AnyoneSignedIn]
public sealed class SecurityModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, MfaPolicy policy, RecentProof proof) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Asked before any change here; an account with no password proves a recent sign-in instead.</summary>
    [BindProperty]
    public string? CurrentPassword { get; set; }

    public bool AsksForPassword { get; private set; }
    public bool HasPassword { get; private set; }

    /// <summary>Sent here by <see cref="MfaSetUpFirst"/>: the page says why.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool Enabled { get; private set; }
    public bool RoleNeedsIt { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        Message = TempData["SecurityMessage"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var proved = await ProvedAsync(user);
        if (!await CodeHoldsAsync(user, "Enter the code from your authenticator app") | !proved)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Required = false;
        Message = "Signing in now asks for a code from your authenticator app.";
        return Page();
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user) && await ProvedAsync(user)
            && await CodeHoldsAsync(user, "Enter the code from your authenticator app to make new recovery codes"))
        {
            NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            Message = "You have new recovery codes. The old ones no longer work.";
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (policy.RequiredFor(await users.GetRolesAsync(user)))
        {
            ModelState.AddModelError(nameof(Code), "Your role needs two-factor sign-in, so it cannot be turned off. If you have a new phone, ask an administrator to reset it, then set it up again.");
        }
        else if (await users.GetTwoFactorEnabledAsync(user) && await ProvedAsync(user)
            && await CodeHoldsAsync(user, "Enter the code from your authenticator app to turn it off"))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            await signIn.RefreshSignInAsync(user);
            Message = "Signing in no longer asks for a code.";
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>The current password (or a recent sign-in, with no password); if not, says so under the field.</summary>
    private async Task<bool> ProvedAsync(ApplicationUser user)
    {
        if (await proof.RefusalAsync(user, CurrentPassword, HttpContext) is not { } refusal)
        {
            return true;
        }
        ModelState.AddModelError(nameof(CurrentPassword), refusal);
        return false;
    }

    /// <summary>The code typed is the authenticator's current one (spaces and dashes ignored); if not, says so under the field.</summary>
    private async Task<bool> CodeHoldsAsync(ApplicationUser user, string missing)
    {
        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        if (code.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }
        ModelState.AddModelError(nameof(Code), code.Length == 0 ? missing : "The code is not right. Enter the code your app shows now.");
        return false;
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        // A code is good once: the form never offers a used one back.
        Code = null;
        CurrentPassword = null;
        HasPassword = RecentProof.AsksForPassword(user);
        AsksForPassword = HasPassword;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RoleNeedsIt = policy.RequiredFor(await users.GetRolesAsync(user));
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key renews the account's security stamp, which ends other sign-ins within seconds
            // (SecurityStampCheck): this one is renewed with it, so looking at this page does not sign you out.
            await signIn.RefreshSignInAsync(user);
        }
        var sb = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        FormattedKey = sb.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/FamilyTime:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer=FamilyTime&digits=6";
    }
}
