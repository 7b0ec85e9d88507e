using FamilyTime.Domain.Calendars;

namespace FamilyTime.UnitTests.Plans;

public class CalendarFeedTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_token_is_32_random_bytes_written_safely_for_an_address()
    {
        var (_, token) = CalendarFeed.Create("parent-1", Now);

        Assert.Equal(43, token.Length); // 32 bytes in unpadded base64url
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' in {token}"));
    }

    [Fact]
    public void Every_token_is_different()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => CalendarFeed.Create("parent-1", Now).Token).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        // Random bytes use every symbol; a counter or a clock would not.
        Assert.True(tokens.SelectMany(t => t).Distinct().Count() >= 60);
    }

    [Fact]
    public void Only_the_hash_of_the_token_is_kept()
    {
        var (feed, token) = CalendarFeed.Create("parent-1", Now);

        Assert.Equal(CalendarFeed.HashOf(token), feed.TokenHash);
        Assert.Equal(64, feed.TokenHash.Length);
        Assert.Matches("^[0-9A-F]{64}$", feed.TokenHash);
        Assert.DoesNotContain(token, feed.TokenHash, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(token, feed.TokenHash);
    }

    [Fact]
    public void The_feed_records_whose_it_is_and_when_and_is_active()
    {
        var (feed, _) = CalendarFeed.Create("parent-1", Now);

        Assert.NotEqual(Guid.Empty, feed.Id);
        Assert.Equal("parent-1", feed.UserId);
        Assert.Equal(Now, feed.CreatedAt);
        Assert.True(feed.IsActive);
        Assert.Null(feed.RevokedAt);
    }

    [Fact]
    public void HashOf_is_SHA_256_of_the_token_and_tells_tokens_apart()
    {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", CalendarFeed.HashOf("abc"));
        Assert.Equal(CalendarFeed.HashOf("token-a"), CalendarFeed.HashOf("token-a"));
        Assert.NotEqual(CalendarFeed.HashOf("token-a"), CalendarFeed.HashOf("token-b"));
        Assert.NotEqual(CalendarFeed.HashOf("token-a"), CalendarFeed.HashOf("TOKEN-A"));
    }

    [Fact]
    public void Revoking_ends_the_feed_once()
    {
        var (feed, _) = CalendarFeed.Create("parent-1", Now);

        feed.Revoke(Now.AddDays(1));
        feed.Revoke(Now.AddDays(2));

        Assert.False(feed.IsActive);
        Assert.Equal(Now.AddDays(1), feed.RevokedAt);
    }
}
