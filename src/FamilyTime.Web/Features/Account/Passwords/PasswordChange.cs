using FamilyTime.Data.Identity;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account.Passwords;

/// <summary>
/// A new password chosen by someone signed in, for the password page and <c>POST /api/v1/auth/password</c>. It needs
/// the current password (a session left open is not enough), follows the app's password rules, and ends every other
/// sign-in of the account: cookies, bearer tokens and refresh tokens (<see cref="EndSessions"/>). The page renews its
/// own cookie afterwards; an API caller signs in again.
/// </summary>
public sealed class PasswordChange(UserManager<ApplicationUser> users, EndSessions sessions)
{
    public const string CurrentField = "CurrentPassword";
    public const string NewField = "NewPassword";
    public const string ConfirmField = "ConfirmPassword";

    /// <summary>What is wrong, by field; empty when the password was changed.</summary>
    /// <param name="confirm">The new password typed again (the page asks for it; the API does not, so null skips the check).</param>
    public async Task<IReadOnlyDictionary<string, string[]>> ChangeAsync(ApplicationUser user, string? current, string? next, string? confirm)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string[]>();
        if (user.PasswordHash is null)
        {
            errors[CurrentField] = [NoPassword];
            return errors;
        }
        if (string.IsNullOrEmpty(current))
        {
            errors[CurrentField] = ["Enter your current password"];
        }
        if (string.IsNullOrEmpty(next))
        {
            errors[NewField] = ["Enter a new password"];
        }
        else if (confirm is not null && !string.Equals(next, confirm, StringComparison.Ordinal))
        {
            errors[ConfirmField] = ["The two new passwords are not the same: type the same password twice"];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (!await users.CheckPasswordAsync(user, current!))
        {
            errors[CurrentField] = ["Your current password is not right"];
            return errors;
        }
        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            errors[NewField] = ["Your new password must be different from your current one"];
            return errors;
        }
        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            errors[NewField] = [.. result.Errors.Select(e => PasswordWords.Describe(e, users.Options.Password) ?? e.Description).Distinct()];
            return errors;
        }
        // Identity renewed the stamp; this makes the change reach every sign-in at once, not within seconds.
        await sessions.EndAllAsync(user.Id, "password changed");
        return errors;
    }

    public const string NoPassword = "Your account signs in through your council's single sign-on and has no Family time password. Change your password with your council.";
}
