using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Calendars;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Calendar;

/// <summary>Whether someone has a working calendar address, and since when.</summary>
public sealed record FeedStatus(DateTime? ActiveSince);

/// <summary>A calendar address just made: the token is in the hand of the person once, never stored.</summary>
public sealed record NewFeed(string Token, DateTime CreatedAt);

/// <summary>
/// A person's private calendar address: make one, stop it working, find whose it is. One working address per
/// person, so "stop it working" has one clear meaning and a leaked address is ended by making a new one.
/// </summary>
public sealed class CalendarFeeds(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{

    /// <summary>Carers, contact workers and parents have sessions of their own to follow; other roles work from the case record.</summary>
    public static bool MayHaveFeed(UserScope user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Is(Roles.Carer) || user.Is(Roles.ContactWorker) || user.Is(Roles.Parent);
    }

    public async Task<Outcome<FeedStatus>> StatusAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayHaveFeed(actor.Scope))
        {
            return Outcome<FeedStatus>.Forbidden(NotForYourRole);
        }
        var since = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.UserId == actor.UserId && f.RevokedAt == null)
            .OrderByDescending(f => f.CreatedAt)
            .Select(f => (DateTime?)f.CreatedAt)
            .FirstOrDefaultAsync(ct);
        return Outcome<FeedStatus>.Ok(new FeedStatus(since));
    }

    /// <summary>Makes a new address and stops any earlier one, in the same transaction as its audit entries.</summary>
    public async Task<Outcome<NewFeed>> CreateAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayHaveFeed(actor.Scope))
        {
            return Outcome<NewFeed>.Forbidden(NotForYourRole);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var notes = await RevokeActiveAsync(actor.UserId, now, ct);
        var (feed, token) = CalendarFeed.Create(actor.UserId, now);
        db.CalendarFeeds.Add(feed);
        notes.Add(new AuditNote(AuditAction.Create, AuditRecord.CalendarFeed, feed.Id, null));
        await audit.SaveAsync(actor.UserId, actor.UserName, notes, ct);
        return Outcome<NewFeed>.Ok(new NewFeed(token, now));
    }

    /// <summary>Stops the person's address working. True when there was one to stop.</summary>
    public async Task<Outcome<bool>> RevokeAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayHaveFeed(actor.Scope))
        {
            return Outcome<bool>.Forbidden(NotForYourRole);
        }
        var notes = await RevokeActiveAsync(actor.UserId, clock.GetUtcNow().UtcDateTime, ct);
        if (notes.Count > 0)
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, notes, ct);
        }
        return Outcome<bool>.Ok(notes.Count > 0);
    }

    /// <summary>Whose working address this token opens; null for anything unknown, malformed or stopped.</summary>
    public async Task<string?> OwnerOfAsync(string? token, CancellationToken ct)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }
        var hash = CalendarFeed.HashOf(token!);
        return await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Select(f => f.UserId)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Every address the person still has is stopped, not only the newest: two clicks at once could have made two,
    /// and neither should outlive the person asking for it to stop.
    /// </summary>
    private async Task<List<AuditNote>> RevokeActiveAsync(string userId, DateTime now, CancellationToken ct)
    {
        var active = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(ct);
        var notes = new List<AuditNote>();
        foreach (var feed in active)
        {
            feed.Revoke(now);
            notes.Add(new AuditNote(AuditAction.Update, AuditRecord.CalendarFeed, feed.Id, null, AuditedSave.ChangesOf(db.Entry(feed))));
        }
        return notes;
    }

    /// <summary>Tokens are 32 random bytes in URL-safe base64 (43 characters): anything else is not worth a database query.</summary>
    private static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private const string NotForYourRole = "Calendar addresses are for carers, contact workers and parents.";
}
