using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>One piece of feedback as its reader sees it, with what it is about.</summary>
public sealed record FeedbackItem(
    Guid Id, FeedbackKind Kind, FeedbackFrom From, string Text, DateTime At, string ByName,
    Guid? ChildId, string? ChildName, Guid? SessionId, DateOnly? SessionDate, Guid? VenueId, string? VenueName);

/// <summary>A venue's standards concern, without who gave it: the venue page is read by people outside the child's case.</summary>
public sealed record VenueConcernItem(DateTime At, FeedbackFrom From, string Text);

/// <summary>Feedback routed to someone, and the concerns collected against a venue.</summary>
public sealed class FeedbackInbox(FamilyTimeDbContext db, ChildAccessPolicy access)
{
    private const int MaxShown = 200;

    /// <summary>
    /// Feedback sent to the user, newest first. Feedback about a child they no longer reach (a case moved on) is
    /// left out: being routed something once does not open the child's record for ever.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackItem>> ForAsync(UserScope user, CancellationToken ct)
    {
        var reachable = access.Reachable(user, ChildOperation.GiveFeedback).Select(c => c.Id);
        var uid = user.UserId;
        var rows = await db.Feedback.AsNoTracking()
            .Where(f => f.RoutedToUserId == uid && (f.ChildId == null || reachable.Contains(f.ChildId.Value)))
            .OrderByDescending(f => f.At)
            .Take(MaxShown)
            .Select(f => new FeedbackItem(
                f.Id, f.Kind, f.From, f.Text, f.At,
                db.Users.Where(u => u.Id == f.ById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                f.ChildId,
                db.Children.Where(c => c.Id == f.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).FirstOrDefault(),
                f.SessionId,
                db.Sessions.Where(s => s.Id == f.SessionId).Select(s => (DateOnly?)s.Date).FirstOrDefault(),
                f.VenueId,
                db.Venues.Where(v => v.Id == f.VenueId).Select(v => v.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<IReadOnlyList<VenueConcernItem>> ConcernsAboutAsync(Guid venueId, CancellationToken ct) =>
        await db.Feedback.AsNoTracking()
            .Where(f => f.VenueId == venueId && f.Kind == FeedbackKind.VenueConcern)
            .OrderByDescending(f => f.At)
            .Take(MaxShown)
            .Select(f => new VenueConcernItem(f.At, f.From, f.Text))
            .ToListAsync(ct);
}
