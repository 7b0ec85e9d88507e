using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Privacy;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>
/// Feedback as the person who gave it reads it back: what it was about, their words, whether it has been read, and the
/// answer with how it was given. <c>canTakeFurther</c>: a complaint, which they may take to the council's complaints
/// procedure if they are not happy with the answer.
/// </summary>
public sealed record FamilyFeedbackItem(
    Guid Id, FeedbackKind Kind, string About, string Text, DateTime At, FeedbackState State,
    DateTime? ReadAt, DateTime? AnsweredAt, string? Answer, FeedbackAnswerWay? AnsweredHow, bool CanTakeFurther);

/// <summary>
/// A portal user's own feedback and its answers ("Your feedback"). Answers are staff's words, so for a parent (or a young
/// person) each passes the family guard for the child it is about (for feedback about a venue alone, every child they are family
/// to): a name or place that would tell them where the child lives is replaced, even one written before the child
/// moved. Carers know the home and read the answer as written.
/// </summary>
public sealed class FamilyFeedback(FamilyTimeDbContext db, FamilyOutputGuard guard)
{
    private const int MaxShown = 100;

    public async Task<IReadOnlyList<FamilyFeedbackItem>> MineAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var uid = user.UserId;
        var rows = await db.Feedback.AsNoTracking()
            .Where(f => f.ById == uid)
            .OrderByDescending(f => f.At)
            .Take(MaxShown)
            .Select(f => new
            {
                f.Id, f.Kind, f.Text, f.At, f.State, f.ReadAt, f.AnsweredAt, f.AnswerText, f.AnsweredHow, f.ChildId,
                ChildName = db.Children.Where(c => c.Id == f.ChildId).Select(c => c.PreferredName ?? c.FirstName).FirstOrDefault(),
                SessionDate = db.Sessions.Where(s => s.Id == f.SessionId).Select(s => (DateOnly?)s.Date).FirstOrDefault(),
                VenueName = db.Venues.Where(v => v.Id == f.VenueId).Select(v => v.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Parents and young people read answers through the guard, as every portal page (issue 11); carers know the home.
        var guarded = user.Is(Roles.Parent) || user.Is(Roles.YoungPerson);
        var guards = new Dictionary<Guid, HomeGuard>();
        List<Guid>? family = null;
        var allowed = guarded ? await guard.PublicPlacesAsync(ct) : [];
        var items = new List<FamilyFeedbackItem>();
        foreach (var f in rows)
        {
            var answer = f.AnswerText;
            if (guarded && answer is not null)
            {
                family ??= await db.Children.AsNoTracking()
                    .Where(c => c.YoungPersonUserId == uid || c.People.Any(p => p.PortalUserId == uid)).Select(c => c.Id).ToListAsync(ct);
                foreach (var childId in f.ChildId is { } id ? [id] : family)
                {
                    if (!guards.TryGetValue(childId, out var home))
                    {
                        guards[childId] = home = await guard.ForChildAsync(childId, ct);
                    }
                    answer = home.Redact(answer, allowed);
                }
            }
            var about = f.SessionDate is { } date
                ? $"Family time{(f.ChildName is null ? "" : $" with {f.ChildName}")} on {date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}"
                : f.VenueName ?? "Family time";
            items.Add(new FamilyFeedbackItem(f.Id, f.Kind, about, f.Text, f.At, f.State, f.ReadAt, f.AnsweredAt, answer, f.AnsweredHow,
                f.Kind == FeedbackKind.Complaint));
        }
        return items;
    }
}
