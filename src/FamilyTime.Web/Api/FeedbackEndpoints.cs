using FamilyTime.Domain.Access;
using System.Security.Claims;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>Feedback on a session (sessionId) or, without one, a venue (venueId). childsOwnWords: staff writing down what the child said.</summary>
public sealed record FeedbackRequest(Guid? SessionId, Guid? VenueId, FeedbackKind? Kind, string? Text, bool ChildsOwnWords = false);

/// <summary>The feedback kept, and who it was sent to in words ("the child's social worker"); sentTo is null when nobody covers the venue's area.</summary>
public sealed record FeedbackGivenDto(Guid Id, FeedbackKind Kind, FeedbackFrom From, string? SentTo);

public static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("Feedback");
        feedback.MapPost("", Give).AnyoneSignedIn()
            .WithSummary("Gives a comment, compliment, complaint or venue concern about a session or a venue; it is routed to the person who should act on it. Anyone who reaches the child may give feedback on their session; staff on any venue, carers and parents on a venue where their family time is.")
            .ProducesValidationProblem();
        feedback.MapGet("", Mine).StaffOnly()
            .WithSummary("Feedback sent to you, newest first, about children you reach and venues.");
    }

    private static async Task<Results<Created<FeedbackGivenDto>, ProblemHttpResult>> Give(FeedbackRequest body, ClaimsPrincipal user, GiveFeedback give, CancellationToken ct)
    {
        var outcome = await give.GiveAsync(user.Actor(), new FeedbackCommand(body.SessionId, body.VenueId, body.Kind, body.Text, body.ChildsOwnWords && !IsFamilyOrCarer(user)), ct);
        return ApiResults.From(outcome, given => TypedResults.Created((string?)null, new FeedbackGivenDto(given.Id, given.Kind, given.From, given.SentTo)));
    }

    private static async Task<Ok<IReadOnlyList<FeedbackItem>>> Mine(ClaimsPrincipal user, FeedbackInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.ForAsync(user.Scope(), ct));

    private static bool IsFamilyOrCarer(ClaimsPrincipal user) =>
        user.IsInRole(Domain.Access.Roles.Parent) || user.IsInRole(Domain.Access.Roles.Carer);
}
