using System.Globalization;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account.Passwords;

/// <summary>
/// Re-authentication before a security change (an authenticator set up, new recovery codes, the app turned off): the
/// current password, so a browser left signed in is not enough to weaken the account. An account with no password
/// (single sign-on only) shows instead that it signed in within <see cref="SignInWindow"/>, by the time this sign-in
/// began, which the cookie keeps in <see cref="SignedInAtItem"/> through renewals (a sliding renewal or a refreshed
/// sign-in keeps the cookie's properties, so the time stays that of the real sign-in).
/// </summary>
public sealed class RecentProof(UserManager<ApplicationUser> users, TimeProvider clock)
{
    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(5);
    public const string SignedInAtItem = ".familytime.signedInAt";

    public const string MissingPassword = "Enter your current password";
    public const string WrongPassword = "Your current password is not right";
    public const string SignInAgain = "For your security, sign out and sign in again with your council account, then make this change within 5 minutes";

    /// <summary>Whether the account has a password to ask for (the page shows the field only then).</summary>
    public static bool AsksForPassword(ApplicationUser user) => user?.PasswordHash is not null;

    /// <summary>Null when the proof holds; otherwise the words to show under the password field.</summary>
    public async Task<string?> RefusalAsync(ApplicationUser user, string? password, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(http);
        if (AsksForPassword(user))
        {
            if (string.IsNullOrEmpty(password))
            {
                return MissingPassword;
            }
            return await users.CheckPasswordAsync(user, password) ? null : WrongPassword;
        }
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var at = cookie.Properties?.Items.TryGetValue(SignedInAtItem, out var v) == true
            && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        return at is { } signedIn && clock.GetUtcNow() - signedIn < SignInWindow ? null : SignInAgain;
    }

    /// <summary>Notes the time on a new sign-in's cookie; a renewed one already has it and keeps it.</summary>
    public static Task NoteSignIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Properties.Items.ContainsKey(SignedInAtItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtItem] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }
}
