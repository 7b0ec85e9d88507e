using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FamilyTime.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace FamilyTime.Web.Features.Account.Passwords;

/// <summary>
/// The code in a "forgotten password" link: the account, its security stamp and the time it was made, encrypted with
/// the app's key ring. It holds for <see cref="Lifespan"/> by the app's clock (Identity's own reset token reads the
/// wall clock, and carries the set-up link's longer life), and once: setting the password renews the stamp, so the
/// same code no longer matches. Signing out everywhere or any other password change ends it too.
/// </summary>
public sealed class PasswordResetLinks(IDataProtectionProvider protection, TimeProvider clock, UserManager<ApplicationUser> users)
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);

    /// <summary>Codes longer than this are not read at all.</summary>
    public const int LongestCode = 2000;

    private readonly IDataProtector _protector = protection.CreateProtector("FamilyTime.PasswordResetLink.v1");

    public async Task<string> IssueAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stamp = await users.GetSecurityStampAsync(user);
        return Encode(user.Id, stamp, clock.GetUtcNow());
    }

    /// <summary>
    /// The cost of <see cref="IssueAsync"/> for a request naming no account: one encryption of a payload of the same
    /// size, thrown away, so the answer does not come sooner.
    /// </summary>
    public void IssueForNobody() => _ = Encode(Guid.NewGuid().ToString(), Guid.NewGuid().ToString("N").ToUpperInvariant(), clock.GetUtcNow());

    /// <summary>The account the code is for, while it holds; null for any code that cannot be used (all look alike).</summary>
    public async Task<ApplicationUser?> ReadAsync(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > LongestCode)
        {
            return null;
        }
        byte[] plain;
        try
        {
            plain = _protector.Unprotect(WebEncoders.Base64UrlDecode(code));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        if (plain.Length < 8)
        {
            return null;
        }
        var made = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(plain), TimeSpan.Zero);
        var parts = Encoding.UTF8.GetString(plain, 8, plain.Length - 8).Split('\n');
        var age = clock.GetUtcNow() - made;
        if (parts.Length != 2 || age < TimeSpan.Zero || age >= Lifespan)
        {
            return null;
        }
        var user = await users.FindByIdAsync(parts[0]);
        if (user is null || user.SuspendedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(await users.GetSecurityStampAsync(user)), Encoding.UTF8.GetBytes(parts[1])))
        {
            return null;
        }
        return user;
    }

    private string Encode(string userId, string stamp, DateTimeOffset now)
    {
        var text = Encoding.UTF8.GetBytes($"{userId}\n{stamp}");
        var plain = new byte[8 + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(plain, now.UtcTicks);
        text.CopyTo(plain, 8);
        return WebEncoders.Base64UrlEncode(_protector.Protect(plain));
    }
}
