using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FamilyTime.Domain.Access;

/// <summary>
/// Random tokens handed to a client once (calendar addresses, API refresh tokens) and the hash the database keeps
/// instead of them, so a copy of the database cannot be used to read back or replay a token. One place, so every
/// kind is made and hashed the same way.
/// </summary>
public static class SecretTokens
{
    /// <summary>Bytes of randomness in a token: well above the 128 bits that make guessing hopeless.</summary>
    public const int Bytes = 32;

    /// <summary>256 random bits from the operating system, URL-safe base64 without padding (43 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>SHA-256 of the token, upper-case hex: enough for a look-up, since the token itself is random.</summary>
    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
