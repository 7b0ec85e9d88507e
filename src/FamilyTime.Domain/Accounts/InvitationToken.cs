using System.Security.Cryptography;
using System.Text;

namespace FamilyTime.Domain.Accounts;

/// <summary>
/// The secret in an invitation link: 256 bits from the operating system's random generator, written base64url so it
/// fits a web address. Only its SHA-256 hash is kept: whoever reads the database cannot use an invitation.
/// </summary>
public static class InvitationToken
{
    /// <summary>Bytes of randomness in a token: well above the 128 bits that make guessing hopeless.</summary>
    public const int Bytes = 32;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The hash stored in place of the token (64 lower-case hex characters); a token that is no token hashes all the same.</summary>
    public static string Hash(string? token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
