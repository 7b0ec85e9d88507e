using FamilyTime.Data.Identity;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account.Throttle;

/// <summary>
/// The password step of signing in, as the sign-in page and <c>POST /api/v1/auth/token</c> both take it. Every try
/// answers one of three ways: signed in, the second step needed (both only with the right password), or refused. A
/// refusal is the same <see cref="SignInResult.Failed"/> whether the name is unknown, the password wrong, the address
/// held by the <see cref="SignInThrottle"/>, or the account suspended or locked, so the words and the status cannot
/// tell them apart; and each of them checks exactly one password hash (a real one, or the
/// <see cref="DummyPasswordHash"/>), so the time cannot either.
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher, DummyPasswordHash dummy, SignInThrottle throttle)
{
    /// <summary>The sign-in page's words for every refusal.</summary>
    public const string RefusedOnPage =
        "The user name or password is not right, or there have been too many tries. Check them, or if you have tried several times, wait 15 minutes and try again.";

    /// <summary>The API's detail for every refusal (401, title "Sign-in failed").</summary>
    public const string RefusedInApi =
        "The user name, password or code is not right, or there have been too many tries. If you have tried several times, wait 15 minutes and try again.";

    /// <summary>Longer than any user name Identity keeps: the throttle counts no more of what was typed.</summary>
    private const int LongestName = 256;

    public async Task<SignInResult> SignInAsync(string userName, string password, bool isPersistent)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var typed = userName.Trim();
        var name = signIn.UserManager.NormalizeName(typed) ?? typed;
        name = name.Length > LongestName ? name[..LongestName] : name;
        var address = ClientAddress.Of(signIn.Context);

        if (throttle.IsHeld(name, address))
        {
            // Not looked up, not checked and not counted: held is held, for a real name as for an unknown one.
            dummy.Check(hasher, password);
            return SignInResult.Failed;
        }
        var user = await signIn.UserManager.FindByNameAsync(typed);
        if (user?.PasswordHash is null)
        {
            // No such account, or one that signs in only through the council (no password): the same cost as a wrong password.
            dummy.Check(hasher, password);
            throttle.Failed(name, address);
            return SignInResult.Failed;
        }
        // Wrong passwords are counted by the throttle, never by Identity's per-account lockout (lockoutOnFailure: false),
        // which a stranger could otherwise set off for anyone.
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(name, address);
            return result;
        }
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Refused before the password was looked at (suspended, deactivated, or the second step locked after wrong
            // authenticator codes): check the dummy so this refusal takes as long as a wrong password.
            dummy.Check(hasher, password);
        }
        throttle.Failed(name, address);
        return SignInResult.Failed;
    }
}
