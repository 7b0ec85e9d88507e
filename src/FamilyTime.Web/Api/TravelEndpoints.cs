using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Travel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Api;

/// <summary>A claim as its claimant sees it; refusalReason is the team manager's reason (through the family guard for a family).</summary>
public sealed record TravelClaimDto(Guid Id, Guid SessionId, string ChildName, DateOnly SessionDate, string From, string To, TravelMode Mode,
    decimal Amount, decimal? Miles, TravelClaimState State, bool Paid, string? RefusalReason, bool HasReceipt);

/// <summary>A claim waiting for the team manager.</summary>
public sealed record ClaimToDecideDto(Guid Id, Guid ChildId, string ChildName, string ClaimantName, Claimant Claimant, DateOnly SessionDate,
    string From, string To, TravelMode Mode, decimal Amount, decimal? Miles, bool HasReceipt);

/// <summary>Why a claim is refused: the claimant reads it.</summary>
public sealed record RefuseRequest(string? Reason);

/// <summary>A worker's mileage for a session they supervised.</summary>
public sealed record MileageRequest(Guid SessionId, string? From, string? To, string? Miles);

/// <summary>A claim just approved or refused: the state it is now in.</summary>
public sealed record TravelClaimDecided(TravelClaimState State);

public static class TravelEndpoints
{
    public static void MapTravelEndpoints(this RouteGroupBuilder api)
    {
        var travel = api.MapGroup("/travel").WithTags("Travel");
        // Bearer tokens only (see ApiRoutes): no cookie, so no cross-site form to forge; the form body carries the receipt.
        // Bound at run time, not by the request delegate generator: the generator describes a [FromForm] string as a
        // complex type, and the OpenAPI document would lose the form fields' names (see FamilyTime.Web.csproj).
#pragma warning disable RDG002
        travel.MapPost("/claims", ClaimHandler).PortalOnly().DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Claims travel costs for one of your own sessions (from the last 3 months or up to 4 weeks ahead): multipart form with sessionId, from, to, mode (Bus, Train, Tram, Taxi, CarMileage, Other), amount in pounds and pence (\"12.50\", at most £250) and receipt, a JPEG, PNG, HEIC or PDF of 5 MB or less, checked by its content. One claim per session: a second answers 409.")
            .ProducesValidationProblem().ProducesProblem(409).ProducesProblem(413);
#pragma warning restore RDG002
        travel.MapGet("/claims", Mine).AnyoneSignedIn()
            .WithSummary("Your own travel claims (a parent's fares, a worker's mileage), newest family time first, with where each has got to.");
        travel.MapGet("/claims/{claimId:guid}/receipt", Receipt).AnyoneSignedIn()
            .Produces<Stream>(200, "image/jpeg", "image/png", "image/heic", "application/pdf")
            .WithSummary("A claim's receipt, as a download, to the person who claimed and the child's team manager; 404 to anyone else.");
        travel.MapGet("/claims/waiting", Waiting).StaffOnly(Roles.TeamManager)
            .WithSummary("The claims waiting for your decision: those for the children of your team.");
        travel.MapPost("/claims/{claimId:guid}/approve", Approve).StaffOnly(Roles.TeamManager)
            .WithSummary("Approves a waiting claim (the child's team manager only); the claimant is told.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        travel.MapPost("/claims/{claimId:guid}/refuse", Refuse).StaffOnly(Roles.TeamManager)
            .WithSummary("Refuses a waiting claim with a reason the claimant reads (the child's team manager only).").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        travel.MapPost("/payment-runs", NewRun).StaffOnly(Roles.TeamManager)
            .Produces<Stream>(200, "text/csv")
            .WithSummary("Exports the approved claims not yet paid as CSV (cells a claimant typed that start with = + - @ are escaped) and marks them paid in this run, so a second export never pays a claim twice. Nothing to pay answers 400. Creating a run changes the claims, so it is a POST; GET /payment-runs/{runId} downloads a run again.")
            .ProducesValidationProblem();
        travel.MapGet("/payment-runs/{runId:guid}", Run).StaffOnly(Roles.TeamManager)
            .Produces<Stream>(200, "text/csv")
            .WithSummary("A past payment run's CSV again, exactly the claims it paid; nothing is marked again.");
        travel.MapPost("/mileage", Mileage).StaffOnly()
            .WithSummary("Claims mileage (miles, at most one decimal place, at 45p a mile) for a session you supervised; the child's team manager approves it. One claim per session.")
            .ProducesValidationProblem().ProducesProblem(409);
    }

    private static Delegate ClaimHandler => Claim;

    private static async Task<Results<Created<TravelClaimDto>, ProblemHttpResult>> Claim([FromForm] Guid? sessionId, [FromForm] string? from, [FromForm] string? to, [FromForm] string? mode,
        [FromForm] string? amount, IFormFile? receipt, ClaimsPrincipal user, ClaimTravel claim, TravelClaimLists lists, CancellationToken ct)
    {
        var (content, problem) = await Uploads.ReadAsync(receipt, ct);
        var outcome = await claim.HandleAsync(user.Actor(),
            new ClaimCommand(sessionId ?? Guid.Empty, new TravelClaimInput(from, to, TravelWords.ParseMode(mode), amount), content, problem), ct);
        if (outcome.Kind == Infrastructure.OutcomeKind.NotFound && sessionId is null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["SessionId"] = ["Give the sessionId of the family time you are claiming for"] });
        }
        return await ApiResults.FromAsync(outcome, async id =>
        {
            var mine = await lists.MineAsync(user.Scope(), ct);
            return TypedResults.Created($"/api/v1/travel/claims/{id}", Dto(mine.Single(c => c.Id == id)));
        });
    }

    private static async Task<Ok<List<TravelClaimDto>>> Mine(ClaimsPrincipal user, TravelClaimLists lists, CancellationToken ct) =>
        TypedResults.Ok((await lists.MineAsync(user.Scope(), ct)).Select(Dto).ToList());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Receipt(Guid claimId, HttpContext http, TravelFiles files, CancellationToken ct) =>
        await files.ReceiptAsync(http.User.Actor(), claimId, ct) is { } file
            ? Uploads.Download(http, file, $"receipt-{claimId.ToString()[..8]}")
            : ApiResults.NotFound();

    private static async Task<Ok<List<ClaimToDecideDto>>> Waiting(ClaimsPrincipal user, TravelClaimLists lists, CancellationToken ct) =>
        TypedResults.Ok((await lists.WaitingAsync(user.Scope(), ct))
            .Select(c => new ClaimToDecideDto(c.Id, c.ChildId, c.ChildName, c.ClaimantName, c.Claimant, c.SessionDate, c.From, c.To, c.Mode, c.AmountPence / 100m, c.Miles, c.HasReceipt))
            .ToList());

    private static async Task<Results<Ok<TravelClaimDecided>, ProblemHttpResult>> Approve(Guid claimId, ClaimsPrincipal user, DecideTravelClaim decide, CancellationToken ct) =>
        ApiResults.From(await decide.HandleAsync(user.Actor(), claimId, new TravelDecision(true, null), ct), state => TypedResults.Ok(new TravelClaimDecided(state)));

    private static async Task<Results<Ok<TravelClaimDecided>, ProblemHttpResult>> Refuse(Guid claimId, RefuseRequest body, ClaimsPrincipal user, DecideTravelClaim decide, CancellationToken ct) =>
        ApiResults.From(await decide.HandleAsync(user.Actor(), claimId, new TravelDecision(false, body.Reason), ct), state => TypedResults.Ok(new TravelClaimDecided(state)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> NewRun(ClaimsPrincipal user, ExportPayments export, CancellationToken ct) =>
        ApiResults.From(await export.NewRunAsync(user.Actor(), ct), file => TypedResults.File(file.Csv, "text/csv; charset=utf-8", file.FileName));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Run(Guid runId, ClaimsPrincipal user, ExportPayments export, CancellationToken ct) =>
        ApiResults.From(await export.RunAsync(user.Actor(), runId, ct), file => TypedResults.File(file.Csv, "text/csv; charset=utf-8", file.FileName));

    private static async Task<Results<Created<TravelClaimDto>, ProblemHttpResult>> Mileage(MileageRequest body, ClaimsPrincipal user, ClaimMileage mileage, TravelClaimLists lists, CancellationToken ct)
    {
        var outcome = await mileage.HandleAsync(user.Actor(), body.SessionId, new TravelClaimInput(body.From, body.To, TravelMode.CarMileage, null, body.Miles), ct);
        return await ApiResults.FromAsync(outcome, async id =>
        {
            var mine = await lists.MineAsync(user.Scope(), ct);
            return TypedResults.Created($"/api/v1/travel/claims/{id}", Dto(mine.Single(c => c.Id == id)));
        });
    }

    private static TravelClaimDto Dto(OwnClaim c) =>
        new(c.Id, c.SessionId, c.ChildName, c.SessionDate, c.From, c.To, c.Mode, c.AmountPence / 100m, c.Miles, c.State, c.Paid, c.RefusalReason, c.HasReceipt);
}
