using FamilyTime.Domain.Access;

namespace FamilyTime.Domain.Accounts;

/// <summary>
/// The secret in an invitation link: 256 bits from the operating system's random generator, written base64url so it
/// fits a web address. Only its SHA-256 hash is kept: whoever reads the database cannot use an invitation.
/// </summary>
public static class InvitationToken
{
    public static string New() => SecretTokens.New();

    /// <summary>
    /// The hash stored in place of the token (64 lower-case hex characters: invitations have always been stored
    /// lower-case, so existing ones still match); a token that is no token hashes all the same.
    /// </summary>
    public static string Hash(string? token) => SecretTokens.HashOf(token ?? "").ToLowerInvariant();
}
