using System.Security.Cryptography;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace FamilyTime.Web.Features.Account.Throttle;

/// <summary>
/// A hash of a random password nobody knows, made once by the app's own hasher, so it has the same algorithm and
/// iteration count as every password set since. Checking a password against it costs what checking a real account's
/// costs, which is what an unknown name is made to spend (see <see cref="PasswordSignIn"/>). An account whose hash was
/// made with fewer iterations (before a rise) answers a little faster until its holder next signs in.
/// </summary>
public sealed class DummyPasswordHash
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody" };
    private string? _hash;

    /// <summary>Checks <paramref name="password"/> against the dummy hash and forgets the answer: only the time matters.</summary>
    public void Check(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        // Two first requests racing may each make one; either does.
        _hash ??= hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
