using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Retention;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Retention;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>A child whose case record is due for a disposal review: the date, the rule that gave it, and any legal hold (the record is kept while it stands).</summary>
public sealed record DisposalDueDto(Guid ChildId, string Name, DateOnly DateOfBirth, DateOnly? DateOfDeath, DateOnly? DisposalDate,
    RetentionBasis Basis, string Rule, bool Overdue, bool NeedsReview, LegalHoldDto LegalHold);

/// <summary>A legal hold: on or off, and while on, who placed it, when and why.</summary>
public sealed record LegalHoldDto(bool OnHold, string? Reason, string? PlacedBy, DateTime? PlacedAt);

/// <summary>Why a legal hold is placed or lifted: required, up to 500 characters.</summary>
public sealed record LegalHoldRequest(string? Reason);

/// <summary>The day the child died (YYYY-MM-DD), or null to take a mistaken entry away; version is the child record's, to detect a change meanwhile.</summary>
public sealed record DateOfDeathRequest(DateOnly? DateOfDeath, int? Version);

/// <summary>A child's recorded date of death and the disposal date of their case record that follows from it.</summary>
public sealed record DateOfDeathDto(Guid ChildId, DateOnly DateOfBirth, DateOnly? DateOfDeath, DateOnly? DisposalDate, RetentionBasis Basis, string Rule, int Version);

public static class RetentionEndpoints
{
    public static void MapRetentionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/retention").WithTags("Retention")
            .MapGet("/due", Due).StaffOnly(Roles.TeamManager, Roles.HeadOfService)
            .WithSummary("Children whose case record's disposal date (their 75th birthday, or 15 years after the death of a child who died before 18) has passed or falls within the next 'months' (default 12, 0 to 120), or cannot be worked out; those on legal hold are marked. The children of your team (a head of service: all). Nothing is deleted: the list is for a person to review.")
            .ProducesValidationProblem();
        var hold = api.MapGroup("/children/{id:guid}/legal-hold").WithTags("Retention");
        hold.MapGet("", Get).ForChild(ChildOperation.ManageRetention)
            .WithSummary("The legal hold on the child's case record, if any.").ProducesProblem(403);
        hold.MapPost("", Place).ForChild(ChildOperation.ManageRetention)
            .WithSummary("Places a legal hold on the child's case record, with a reason: it is kept whatever its disposal date until the hold is lifted. A record already on hold answers 400.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        hold.MapPost("/lift", Lift).ForChild(ChildOperation.ManageRetention)
            .WithSummary("Lifts the legal hold, with a reason kept in the audit log; the retention rule applies again.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        var death = api.MapGroup("/children/{id:guid}/date-of-death").WithTags("Retention");
        death.MapGet("", GetDeath).ForChild(ChildOperation.ManageRetention)
            .WithSummary("The child's recorded date of death, if any, and the disposal date of their case record.").ProducesProblem(403);
        death.MapPut("", PutDeath).ForChild(ChildOperation.ManageRetention)
            .WithSummary("Records or corrects the day the child died ('dateOfDeath', null to take a mistaken entry away). It sets how long the case record is kept: 15 years from the death of a child who died before 18, so the disposal review list follows it. A date before the child's birth or in the future answers 422; a 'version' other than the record's answers 409.")
            .ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Results<Ok<List<DisposalDueDto>>, ProblemHttpResult>> Due(ClaimsPrincipal user, DisposalReview review, CancellationToken ct, int? months = null)
    {
        if (months is < 0 or > DisposalReview.MaxMonths)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("Months", $"Give months from 0 to {DisposalReview.MaxMonths}").ByField);
        }
        var due = await review.ShowAsync(user.Actor(), months ?? DisposalReview.DefaultMonths, ct);
        return TypedResults.Ok(due.Select(d => new DisposalDueDto(d.ChildId, d.Name, d.DateOfBirth, d.DateOfDeath, d.Disposal.Date, d.Disposal.Basis,
            d.Disposal.Rule, d.Overdue, d.Disposal.NeedsReview, new LegalHoldDto(d.OnLegalHold, d.LegalHoldReason, d.LegalHoldBy, d.LegalHoldSince))).ToList());
    }

    private static async Task<Results<Ok<LegalHoldDto>, ProblemHttpResult>> Get(ChildContext child, LegalHolds holds, CancellationToken ct) =>
        ApiResults.From(await holds.CurrentAsync(child, ct), Ok);

    private static async Task<Results<Ok<LegalHoldDto>, ProblemHttpResult>> Place(LegalHoldRequest body, ChildContext child, LegalHolds holds, CancellationToken ct) =>
        ApiResults.From((await holds.PlaceAsync(child, body.Reason, ct)).Named(_ => "Reason"), Ok);

    private static async Task<Results<Ok<LegalHoldDto>, ProblemHttpResult>> Lift(LegalHoldRequest body, ChildContext child, LegalHolds holds, CancellationToken ct) =>
        ApiResults.From((await holds.LiftAsync(child, body.Reason, ct)).Named(_ => "Reason"), Ok);

    private static async Task<Results<Ok<DateOfDeathDto>, ProblemHttpResult>> GetDeath(ChildContext child, DatesOfDeath deaths, CancellationToken ct) =>
        ApiResults.From(await deaths.CurrentAsync(child, ct), s => Death(child, s));

    private static async Task<Results<Ok<DateOfDeathDto>, ProblemHttpResult>> PutDeath(DateOfDeathRequest body, ChildContext child, DatesOfDeath deaths, CancellationToken ct)
    {
        var outcome = await deaths.RecordAsync(child, body.DateOfDeath, body.Version, ct);
        // The request was well formed but the date cannot be right for this child (before the birth, or still to
        // come): a 422, as the date is judged against the record rather than on its own.
        return outcome.Kind == Infrastructure.OutcomeKind.Invalid
            ? TypedResults.Problem(new HttpValidationProblemDetails(outcome.Errors!.ToDictionary(e => ApiResults.ApiName(e.Key), e => e.Value))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The date of death cannot be right for this child",
                Detail = "Correct 'dateOfDeath' as 'errors' says and send the request again. Nothing was saved.",
            })
            : ApiResults.From(outcome, s => Death(child, s));
    }

    private static Ok<DateOfDeathDto> Death(ChildContext child, DateOfDeathState s) =>
        TypedResults.Ok(new DateOfDeathDto(child.ChildId, s.DateOfBirth, s.DateOfDeath, s.Disposal.Date, s.Disposal.Basis, s.Disposal.Rule, s.Version));

    private static Ok<LegalHoldDto> Ok(LegalHoldState s) => TypedResults.Ok(new LegalHoldDto(s.OnHold, s.Reason, s.By, s.Since));
}
