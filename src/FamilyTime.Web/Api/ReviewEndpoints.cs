using FamilyTime.Domain.Access;
using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// A review held: of one arrangement (arrangementId) or, without it, of the whole plan. Who took part; why the child
/// did not, if they did not; for supervised family time, the progress towards less supervision.
/// </summary>
public sealed record ReviewRequest(Guid? ArrangementId, DateOnly? HeldOn, string? Outcome, DateOnly? NextReviewOn, bool ChildTookPart, string? ChildNotWhy,
    bool CarersTookPart, bool ParentsTookPart, string? Others, string? SupervisionProgress);

/// <summary>Whether the child is referred for an Independent Visitor, and why (or why not).</summary>
public sealed record IndependentVisitorDecisionRequest(bool? Referred, string? Reasons);

/// <summary>A review that falls due: of the whole plan (no arrangementId) or of family time with someone.</summary>
public sealed record ReviewDueDto(Guid? ArrangementId, string What, DateOnly DueOn, ReviewState State, int MaxMonths, string? Because);

/// <summary>A review held and recorded.</summary>
public sealed record PastReviewDto(Guid Id, Guid? ArrangementId, string What, DateOnly DueOn, DateOnly HeldOn, string Outcome, DateOnly NextReviewOn,
    string RecordedByName, bool ChildTookPart, string? ChildNotWhy, bool CarersTookPart, bool ParentsTookPart, string? OthersTookPart, string? SupervisionProgress);

/// <summary>No family time with a parent for the months the service sets: an Independent Visitor referral is to be considered.</summary>
public sealed record IndependentVisitorDueDto(DateOnly NoParentalFamilyTimeSince, bool SinceCameIntoCare, DateOnly DueSince);

/// <summary>A decision about an Independent Visitor referral.</summary>
public sealed record IndependentVisitorDecisionDto(Guid Id, bool Referred, string Reasons, DateOnly DecidedOn, string DecidedByName);

/// <summary>The child's reviews: what falls due, what was held, and the Independent Visitor.</summary>
public sealed record ReviewsDto(IReadOnlyList<ReviewDueDto> Due, IReadOnlyList<PastReviewDto> Past, IndependentVisitorDueDto? IndependentVisitor,
    IReadOnlyList<IndependentVisitorDecisionDto> IndependentVisitorDecisions, int IndependentVisitorMonths);

/// <summary>Reviews of family time and the Independent Visitor, as the child's reviews pages have them.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var child = api.MapGroup("/children/{id:guid}").WithTags("Reviews");
        child.MapGet("/reviews", List).ForChild(ChildOperation.ViewCase)
            .WithSummary("The child's reviews: what falls due and when, the reviews held, and whether an Independent Visitor is to be considered.")
            .ProducesProblem(403);
        child.MapPost("/reviews", Complete).ForChild(ChildOperation.ManageChanges)
            .WithSummary("Record a review held, of one arrangement or (without arrangementId) of the whole plan, with its next date; 404 when no such review falls due.")
            .ProducesValidationProblem().ProducesProblem(403);
        child.MapPost("/independent-visitor-decisions", DecideIndependentVisitor).ForChild(ChildOperation.ManageChanges)
            .WithSummary("Record whether the child is referred for an Independent Visitor, and why.")
            .ProducesValidationProblem().ProducesProblem(403);
    }

    private static async Task<Ok<ReviewsDto>> List(ChildContext child, ReadReviews read, CancellationToken ct)
    {
        var v = await read.HandleAsync(child, ct);
        return TypedResults.Ok(new ReviewsDto(
            v.Due.Select(d => new ReviewDueDto(d.ArrangementId, d.What, d.DueOn, d.State, d.MaxMonths, d.Because)).ToList(),
            v.Past.Select(p => new PastReviewDto(p.Record.Id, p.Record.ArrangementId, p.What, p.Record.DueOn, p.Record.HeldOn, p.Record.Outcome, p.Record.NextReviewOn,
                p.Record.RecordedByName, p.Record.ChildTookPart, p.Record.ChildNotWhy, p.Record.CarersTookPart, p.Record.ParentsTookPart, p.Record.OthersTookPart,
                p.Record.SupervisionProgress)).ToList(),
            v.IndependentVisitor is { } iv ? new IndependentVisitorDueDto(iv.NoParentalFamilyTimeSince, iv.SinceCameIntoCare, iv.DueSince) : null,
            v.Decisions.Select(d => new IndependentVisitorDecisionDto(d.Id, d.Referred, d.Reasons, d.DecidedOn, d.DecidedByName)).ToList(),
            v.IndependentVisitorMonths));
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Complete(ReviewRequest body, ChildContext child, CompleteReview complete, CancellationToken ct) =>
        ApiResults.From(await complete.HandleAsync(child, new ReviewHeld(body.ArrangementId, body.HeldOn, body.Outcome, body.NextReviewOn,
                new ReviewParticipation(body.ChildTookPart, body.ChildNotWhy, body.CarersTookPart, body.ParentsTookPart, body.Others), body.SupervisionProgress), ct),
            id => TypedResults.Created($"/api/v1/children/{child.ChildId}/reviews", new CreatedId(id)));

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> DecideIndependentVisitor(IndependentVisitorDecisionRequest body, ChildContext child,
        RecordIndependentVisitorDecision record, CancellationToken ct) =>
        ApiResults.From(await record.HandleAsync(child, body.Referred, body.Reasons, ct),
            id => TypedResults.Created($"/api/v1/children/{child.ChildId}/reviews", new CreatedId(id)));
}
