using FamilyTime.Web.Api.Idempotency;
using FamilyTime.Domain.Access;
using System.Security.Claims;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>Feedback on a session (sessionId) or, without one, a venue (venueId). childsOwnWords: staff writing down what the child said.</summary>
public sealed record FeedbackRequest(Guid? SessionId, Guid? VenueId, FeedbackKind? Kind, string? Text, bool ChildsOwnWords = false);

/// <summary>The feedback kept, and who it was sent to in words ("the child's social worker"); sentTo is null when nobody covers the venue's area.</summary>
public sealed record FeedbackGivenDto(Guid Id, FeedbackKind Kind, FeedbackFrom From, string? SentTo);

/// <summary>An answer to feedback: its words (at most 2000 characters), how it was given (InWriting, ByPhone, InPerson, ComplaintsProcedure), and the feedback's version you read.</summary>
public sealed record FeedbackAnswerRequest(string? Text, [property: NamesOf(typeof(FeedbackAnswerWay))] string? How, int? Version);

public static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("Feedback");
        feedback.MapPost("", Give).AnyoneSignedIn().Idempotent()
            .WithSummary("Gives a comment, compliment, complaint or venue concern about a session or a venue; it is routed to the person who should act on it. Anyone who reaches the child may give feedback on their session; staff on any venue, carers and parents on a venue where their family time is.")
            .ProducesValidationProblem();
        feedback.MapGet("", Mine).StaffOnly()
            .WithSummary("Feedback sent to you, newest first, about children you reach and venues, with where each has got to (New, Read, Answered) and its answer. 'state' keeps one state; 'whose=Others' lists what a team manager (their team's children) or an administrator (venues alone) may answer for others.")
            .ProducesValidationProblem();
        feedback.MapPost("/{feedbackId:guid}/read", Read).StaffOnly()
            .WithSummary("Marks feedback read: for the person it was sent to, the child's team manager, or (feedback about a venue alone) an administrator. Read or answered already, nothing changes. Anyone else is answered 404.");
        feedback.MapPost("/{feedbackId:guid}/answer", Answer).StaffOnly()
            .WithSummary("Answers feedback once, with the words the giver will read, how it was answered and the version you read; an unread item is read too. 409 when someone else answered it or changed it after you read it. An answer to a parent that would tell them where the child lives is refused (400).")
            .ProducesValidationProblem().ProducesProblem(409);
    }

    private static async Task<Results<Created<FeedbackGivenDto>, ProblemHttpResult>> Give(FeedbackRequest body, ClaimsPrincipal user, GiveFeedback give, CancellationToken ct)
    {
        var outcome = await give.GiveAsync(user.Actor(), new FeedbackCommand(body.SessionId, body.VenueId, body.Kind, body.Text, body.ChildsOwnWords && !IsFamilyOrCarer(user)), ct);
        return ApiResults.From(outcome, given => TypedResults.Created((string?)null, new FeedbackGivenDto(given.Id, given.Kind, given.From, given.SentTo)));
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedbackItem>>, ProblemHttpResult>> Mine(ClaimsPrincipal user, FeedbackInbox inbox, CancellationToken ct,
        [NamesOf(typeof(FeedbackState))] string? state = null, [NamesOf(typeof(FeedbackWhose))] string? whose = null)
    {
        var errors = new ValidationErrors();
        var stateFilter = EnumInput.Parse<FeedbackState>(state, "State", "state", errors);
        var whoseFilter = EnumInput.Parse<FeedbackWhose>(whose, "Whose", "whose", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return TypedResults.Ok(await inbox.ForAsync(user.Scope(), ct, stateFilter is { } s ? [s] : null, whoseFilter ?? FeedbackWhose.You));
    }

    private static async Task<Results<Ok<FeedbackItem>, ProblemHttpResult>> Read(Guid feedbackId, ClaimsPrincipal user, RespondToFeedback respond, CancellationToken ct) =>
        await ApiResults.FromAsync(await respond.MarkReadAsync(user.Actor(), feedbackId, ct), async id => TypedResults.Ok((await respond.FindAsync(user.Actor(), id, ct))!));

    private static async Task<Results<Ok<FeedbackItem>, ProblemHttpResult>> Answer(Guid feedbackId, FeedbackAnswerRequest body, ClaimsPrincipal user, RespondToFeedback respond, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var how = EnumInput.Required<FeedbackAnswerWay>(body.How, "How", "way of answering",
            "Say how you answered: InWriting, ByPhone, InPerson or ComplaintsProcedure", errors);
        if (body.Version is null)
        {
            errors.Add("Version", "Send the feedback's version you read, so an answer given meanwhile is not answered again");
        }
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var outcome = await respond.AnswerAsync(user.Actor(), feedbackId, new FeedbackAnswer(body.Text, how, body.Version), ct);
        return await ApiResults.FromAsync(outcome.Named(Field), async id => TypedResults.Ok((await respond.FindAsync(user.Actor(), id, ct))!));
    }

    /// <summary>The answer's fields as the request names them.</summary>
    private static string Field(string field) => field switch
    {
        nameof(Feedback.AnswerText) => "Text",
        nameof(Feedback.AnsweredHow) => "How",
        _ => field,
    };

    private static bool IsFamilyOrCarer(ClaimsPrincipal user) =>
        user.IsInRole(Domain.Access.Roles.Parent) || user.IsInRole(Domain.Access.Roles.Carer);
}
