using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using Microsoft.EntityFrameworkCore;
using FeedbackRecord = FamilyTime.Domain.Records.Feedback;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>
/// One piece of feedback as its reader sees it, with what it is about and where it has got to. <c>version</c> is sent
/// back with an answer, so two people answering at once cannot both win. <c>sentToYou</c>: false for feedback a team
/// manager or an administrator may answer for someone else.
/// </summary>
public sealed record FeedbackItem(
    Guid Id, FeedbackKind Kind, FeedbackFrom From, string Text, DateTime At, string ByName,
    Guid? ChildId, string? ChildName, Guid? SessionId, DateOnly? SessionDate, Guid? VenueId, string? VenueName,
    FeedbackState State, int Version, bool SentToYou, string? SentToName,
    DateTime? ReadAt, string? ReadByName, DateTime? AnsweredAt, string? AnsweredByName, string? Answer, FeedbackAnswerWay? AnsweredHow);

/// <summary>A venue's standards concern, without who gave it: the venue page is read by people outside the child's case.</summary>
public sealed record VenueConcernItem(DateTime At, FeedbackFrom From, string Text);

/// <summary>Whose feedback a list shows: sent to the reader, or sent to others that the reader may answer (a team manager, an administrator).</summary>
public enum FeedbackWhose
{
    You = 1,
    Others = 2,
}

/// <summary>Feedback routed to someone, and the concerns collected against a venue.</summary>
public sealed class FeedbackInbox(FamilyTimeDbContext db, ChildAccessPolicy access)
{
    private const int MaxShown = 200;

    /// <summary>
    /// Feedback sent to the user (or, for <see cref="FeedbackWhose.Others"/>, to others, that they may answer), newest
    /// first, in the states asked for (all when none). Feedback about a child they no longer reach (a case moved on)
    /// is left out: being routed something once does not open the child's record for ever.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackItem>> ForAsync(UserScope user, CancellationToken ct, IReadOnlyCollection<FeedbackState>? states = null, FeedbackWhose whose = FeedbackWhose.You)
    {
        ArgumentNullException.ThrowIfNull(user);
        var query = Answerable(user, whose);
        if (states is { Count: > 0 })
        {
            var wanted = states.ToList();
            query = query.Where(f => wanted.Contains(f.State));
        }
        return await Shape(query.OrderByDescending(f => f.At).Take(MaxShown), user.UserId).ToListAsync(ct);
    }

    /// <summary>Feedback sent to the user that nobody has answered yet: the count on their inbox.</summary>
    public Task<int> WaitingCountAsync(UserScope user, CancellationToken ct) =>
        Answerable(user, FeedbackWhose.You).CountAsync(f => f.State != FeedbackState.Answered, ct);

    /// <summary>One piece of feedback as the list shows it, when the user may answer it (the use case has checked).</summary>
    public Task<FeedbackItem?> OneAsync(Guid feedbackId, string userId, CancellationToken ct) =>
        Shape(db.Feedback.AsNoTracking().Where(f => f.Id == feedbackId), userId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// What <see cref="FeedbackResponders.MayRespond"/> allows, as a database filter: sent to the user, about no child
    /// or a child they still reach; or sent to someone else, about a child of their team (a team manager), or about a
    /// venue alone (an administrator).
    /// </summary>
    private IQueryable<FeedbackRecord> Answerable(UserScope user, FeedbackWhose whose)
    {
        var uid = user.UserId;
        var all = db.Feedback.AsNoTracking();
        if (whose == FeedbackWhose.You)
        {
            var reachable = access.Reachable(user, ChildOperation.GiveFeedback).Select(c => c.Id);
            return all.Where(f => f.RoutedToUserId == uid && (f.ChildId == null || reachable.Contains(f.ChildId.Value)));
        }
        var managed = access.Reachable(user, ChildOperation.AnswerFeedback).Select(c => c.Id);
        var admin = user.Is(Roles.Administrator);
        return all.Where(f => f.RoutedToUserId != uid
            && ((f.ChildId != null && managed.Contains(f.ChildId.Value)) || (admin && f.ChildId == null)));
    }

    private IQueryable<FeedbackItem> Shape(IQueryable<FeedbackRecord> query, string uid) =>
        query.Select(f => new FeedbackItem(
            f.Id, f.Kind, f.From, f.Text, f.At,
            db.Users.Where(u => u.Id == f.ById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            f.ChildId,
            db.Children.Where(c => c.Id == f.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).FirstOrDefault(),
            f.SessionId,
            db.Sessions.Where(s => s.Id == f.SessionId).Select(s => (DateOnly?)s.Date).FirstOrDefault(),
            f.VenueId,
            db.Venues.Where(v => v.Id == f.VenueId).Select(v => v.Name).FirstOrDefault(),
            f.State, f.Version, f.RoutedToUserId == uid,
            db.Users.Where(u => u.Id == f.RoutedToUserId).Select(u => u.DisplayName).FirstOrDefault(),
            f.ReadAt,
            db.Users.Where(u => u.Id == f.ReadById).Select(u => u.DisplayName).FirstOrDefault(),
            f.AnsweredAt,
            db.Users.Where(u => u.Id == f.AnsweredById).Select(u => u.DisplayName).FirstOrDefault(),
            f.AnswerText, f.AnsweredHow));

    public async Task<IReadOnlyList<VenueConcernItem>> ConcernsAboutAsync(Guid venueId, CancellationToken ct) =>
        await db.Feedback.AsNoTracking()
            .Where(f => f.VenueId == venueId && f.Kind == FeedbackKind.VenueConcern)
            .OrderByDescending(f => f.At)
            .Take(MaxShown)
            .Select(f => new VenueConcernItem(f.At, f.From, f.Text))
            .ToListAsync(ct);
}
