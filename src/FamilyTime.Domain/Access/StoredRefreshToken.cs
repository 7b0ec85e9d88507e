namespace FamilyTime.Domain.Access;

/// <summary>
/// One refresh token the API handed out, kept only as its SHA-256 hash: a copy of the database lets nobody refresh.
/// Every token of one sign-in shares a <see cref="FamilyId"/>; each is used once and names the token that replaced it,
/// so a used token coming back (a thief's copy, or the owner's after the thief's) ends the whole family.
/// </summary>
public sealed class StoredRefreshToken
{
    public const int HashLength = 64;
    public const int MaxReasonLength = 100;

    private StoredRefreshToken()
    {
        UserId = TokenHash = StampHash = "";
    }

    /// <param name="signedInAt">When the family's first token was made (the password was given).</param>
    /// <param name="lifetime">How long this token may wait to be exchanged.</param>
    /// <param name="longestSignIn">How long one sign-in may be kept going by exchanging tokens, from <paramref name="signedInAt"/>.</param>
    public StoredRefreshToken(string userId, Guid familyId, string tokenHash, string stampHash, DateTime createdAt, DateTime signedInAt,
        TimeSpan lifetime, TimeSpan longestSignIn)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        StampHash = stampHash;
        CreatedAt = createdAt;
        SignedInAt = signedInAt;
        // A token exchanged every few days would otherwise keep a sign-in alive for ever: a lost phone, or a thief's
        // copy used first, would never have to give the password again.
        var end = signedInAt + longestSignIn;
        ExpiresAt = createdAt + lifetime < end ? createdAt + lifetime : end;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }

    /// <summary>One sign-in's chain of tokens: the first token's family goes to each that replaces it.</summary>
    public Guid FamilyId { get; private set; }

    /// <summary>SHA-256 of the token the client holds, hex; never the token itself.</summary>
    public string TokenHash { get; private set; }

    /// <summary>
    /// SHA-256 of the account's security stamp when the token was made, hex: a new stamp (new password, authenticator
    /// turned on or off, role changed, deactivated) ends the token even where no code revoked it by name. The stamp
    /// itself is a secret (it keys e-mailed codes), so only its hash is kept.
    /// </summary>
    public string StampHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the sign-in this token continues began; every token of a family carries the same.</summary>
    public DateTime SignedInAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for <see cref="ReplacedById"/>; a token is exchanged once only.</summary>
    public DateTime? UsedAt { get; private set; }
    public Guid? ReplacedById { get; private set; }

    public DateTime? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }
}
