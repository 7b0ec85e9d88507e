using FamilyTime.Domain.Access;

namespace FamilyTime.Domain.Calendars;

/// <summary>
/// A private calendar address for one person's upcoming sessions. The token in the address is random and only
/// its hash is stored, so the address cannot be guessed or read back from the database; revoking it ends it.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new feed and its token; the token is shown once, in the feed's address.</summary>
    public static (CalendarFeed Feed, string Token) Create(string userId, DateTime now)
    {
        var token = SecretTokens.New();
        return (new CalendarFeed { Id = Guid.NewGuid(), UserId = userId, TokenHash = HashOf(token), CreatedAt = now }, token);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public static string HashOf(string token) => SecretTokens.HashOf(token);
}
