using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using FeedbackRecord = FamilyTime.Domain.Records.Feedback;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>An answer to feedback: its words, how it was given, and the version of the feedback the answer was written against.</summary>
public sealed record FeedbackAnswer(string? Text, FeedbackAnswerWay? How, int? Version);

/// <summary>
/// Marks feedback read and answers it, for the person it was sent to, the child's team manager, or (feedback about a
/// venue alone) an administrator (<see cref="FeedbackResponders"/>). Anyone else is answered "not found", as the
/// feedback's existence is not theirs to know. Each change is audited.
/// </summary>
public sealed class RespondToFeedback(FamilyTimeDbContext db, FeedbackInbox inbox, ChildContextLoader children, FamilyOutputGuard guard, AuditedSave audit, TimeProvider clock)
{
    public const string AnsweredMeanwhile = "Someone else has just answered this feedback, so your answer was not saved. Their answer is shown with the feedback.";

    /// <summary>The feedback as the list shows it, when the user may mark or answer it; null otherwise.</summary>
    public async Task<FeedbackItem?> FindAsync(Actor actor, Guid feedbackId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await RespondableAsync(actor, feedbackId, ct) is null ? null : await inbox.OneAsync(feedbackId, actor.UserId, ct);
    }

    /// <summary>Marks it read. Already read or answered, nothing changes and the answer is the same: it is read.</summary>
    public async Task<Outcome<Guid>> MarkReadAsync(Actor actor, Guid feedbackId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RespondableAsync(actor, feedbackId, ct) is not { } feedback)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!feedback.MarkRead(actor.UserId, clock.GetUtcNow().UtcDateTime))
        {
            return Outcome<Guid>.Ok(feedback.Id);
        }
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, Note(feedback), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else read or answered it at the same moment: either way it is read now, as asked.
        }
        return Outcome<Guid>.Ok(feedback.Id);
    }

    /// <summary>
    /// Answers it once. A stale version, or feedback someone else answered first, is a conflict, never a second answer.
    /// Feedback from a parent (or a young person) is read by them in the portal, so an answer that would tell them where the child lives
    /// (the carers' names, the home's address, the school, the other children there) is refused with what it names.
    /// </summary>
    public async Task<Outcome<Guid>> AnswerAsync(Actor actor, Guid feedbackId, FeedbackAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answer);
        if (await RespondableAsync(actor, feedbackId, ct) is not { } feedback)
        {
            return Outcome<Guid>.NotFound();
        }
        if (feedback.State == FeedbackState.Answered)
        {
            return Conflict(answer.Version is { } seen && seen != feedback.Version ? AnsweredMeanwhile : FeedbackRecord.AlreadyAnswered);
        }
        if (answer.Version is { } v && v != feedback.Version)
        {
            return Outcome<Guid>.Conflict();
        }
        if (await ReadByFamilyAsync(feedback, ct) && await LeaksAsync(feedback, answer.Text, ct) is { Count: > 0 } leaks)
        {
            return Outcome<Guid>.Invalid(nameof(FeedbackRecord.AnswerText),
                $"The answer names {string.Join(" and ", leaks)}. The family must not learn where the child lives: take it out and answer again.");
        }
        var errors = feedback.Answer(answer.Text, answer.How, actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, Note(feedback), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(AnsweredMeanwhile);
        }
        return Outcome<Guid>.Ok(feedback.Id);
    }

    private static Outcome<Guid> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);

    private static AuditNote Note(FeedbackRecord f) =>
        new(AuditAction.Update, AuditRecord.Feedback, f.Id, f.ChildId, JsonSerializer.Serialize(new { State = f.State.ToString(), AnsweredHow = f.AnsweredHow?.ToString() }));

    /// <summary>The feedback, tracked, when the user may mark or answer it; null otherwise (and when there is none).</summary>
    private async Task<FeedbackRecord?> RespondableAsync(Actor actor, Guid feedbackId, CancellationToken ct)
    {
        var feedback = await db.Feedback.FirstOrDefaultAsync(f => f.Id == feedbackId, ct);
        if (feedback is null)
        {
            return null;
        }
        var relationships = feedback.ChildId is { } childId ? (await children.LoadAsync(actor, childId, ct))?.Relationships ?? ChildRelationship.None : ChildRelationship.None;
        return FeedbackResponders.MayRespond(actor.UserId, feedback.RoutedToUserId, feedback.ChildId, relationships, actor.Scope.Is(Roles.Administrator)) ? feedback : null;
    }

    /// <summary>Whether the giver reads the answer in the portal through the family guard: a parent, or a young person in their own words.</summary>
    private async Task<bool> ReadByFamilyAsync(FeedbackRecord feedback, CancellationToken ct) =>
        feedback.From == FeedbackFrom.Parent
        || (feedback.From == FeedbackFrom.Child && await db.Children.AnyAsync(c => c.YoungPersonUserId == feedback.ById, ct));

    /// <summary>
    /// What the answer would tell the parent about where a child lives: the feedback's child, or for feedback about a
    /// venue alone, any child the parent is family to. The service's own places (venues, the council) are allowed.
    /// </summary>
    private async Task<IReadOnlyList<string>> LeaksAsync(FeedbackRecord feedback, string? text, CancellationToken ct)
    {
        if (Text.Clean(text) is not { } words)
        {
            return [];
        }
        var childIds = feedback.ChildId is { } id ? [id]
            : await db.Children.AsNoTracking()
                .Where(c => c.YoungPersonUserId == feedback.ById || c.People.Any(p => p.PortalUserId == feedback.ById)).Select(c => c.Id).ToListAsync(ct);
        var allowed = await guard.PublicPlacesAsync(ct);
        var found = new List<string>();
        foreach (var childId in childIds)
        {
            found.AddRange((await guard.ForChildAsync(childId, ct)).Leaks([words], allowed));
        }
        return found.Distinct().ToList();
    }
}
