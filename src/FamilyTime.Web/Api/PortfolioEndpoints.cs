using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Portfolio;
using FamilyTime.Web.Features.Travel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Api;

/// <summary>A goal or achievement agreed with a person in the child's life (personId), for their portfolio.</summary>
public sealed record GoalRequest(Guid PersonId, PortfolioItemKind? Kind, string? Title, string? Detail);

/// <summary>One of your own diary entries; version is the entry's version when read, for a change.</summary>
public sealed record DiaryRequest(string? Title, DateOnly? Date, TimeOnly? Time, string? Place, string? Notes, int Version = 0);

/// <summary>The goal just marked achieved (achieving it again keeps the first day).</summary>
public sealed record GoalAchieved(Guid Id);

/// <summary>The diary entry just changed; read the diary again for its new version.</summary>
public sealed record DiaryEntryChanged(Guid Id);

public static class PortfolioEndpoints
{
    public static void MapPortfolioEndpoints(this RouteGroupBuilder api)
    {
        var portfolio = api.MapGroup("/portfolio").WithTags("Portfolio");
        portfolio.MapGet("", Mine).PortalOnly()
            .WithSummary("Your portfolio: your family time so far per child (held, times you couldn't come, cancelled by us), goals and achievements agreed with your worker, and your certificates.");
        // Bound at run time, not by the request delegate generator: the generator describes a [FromForm] string as a
        // complex type, and the OpenAPI document would lose the form fields' names (see FamilyTime.Web.csproj).
#pragma warning disable RDG002
        portfolio.MapPost("/certificates", AddCertificateHandler).PortalOnly().DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Adds a certificate: multipart form with title, awardedOn (YYYY-MM-DD, optional) and file, a JPEG, PNG, HEIC or PDF of 5 MB or less, checked by its content.")
            .ProducesValidationProblem().ProducesProblem(413);
#pragma warning restore RDG002
        portfolio.MapGet("/certificates/{certificateId:guid}", Certificate).PortalOnly()
            .Produces<Stream>(200, "image/jpeg", "image/png", "image/heic", "application/pdf")
            .WithSummary("One of your certificates, as a download.");

        var goals = api.MapGroup("/children/{id:guid}/portfolio/goals").WithTags("Portfolio");
        goals.MapPost("", AddGoal).ForChild(ChildOperation.AgreeGoals)
            .WithSummary("Adds a goal (kind Goal) or an achievement (kind Achievement) agreed with a person in the child's life; they see it in their portfolio.")
            .ProducesValidationProblem().ProducesProblem(403);
        goals.MapPost("/{goalId:guid}/achieved", Achieved).ForChild(ChildOperation.AgreeGoals)
            .WithSummary("Marks a goal as achieved (today); marking it again keeps the first day.").ProducesValidationProblem().ProducesProblem(403);

        var diary = api.MapGroup("/diary").WithTags("Diary");
        diary.MapGet("", DiaryList).PortalOnly()
            .WithSummary("Your diary from 'from' (YYYY-MM-DD, default a week ago) for three months: your family time (isFamilyTime, not editable) and your own appointments.");
        diary.MapPost("", AddEntry).PortalOnly().WithSummary("Adds an appointment to your diary.").ProducesValidationProblem();
        diary.MapPut("/{entryId:guid}", ChangeEntry).PortalOnly()
            .WithSummary("Changes one of your appointments; send the version you read (409 if it changed meanwhile).").ProducesValidationProblem().ProducesProblem(409);
        diary.MapDelete("/{entryId:guid}", DeleteEntry).PortalOnly().WithSummary("Deletes one of your appointments.");
    }

    private static async Task<Ok<PortfolioView>> Mine(ClaimsPrincipal user, PortfolioReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ForAsync(user.Actor(), ct));

    private static Delegate AddCertificateHandler => AddCertificate;

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddCertificate([FromForm] string? title, [FromForm] DateOnly? awardedOn, IFormFile? file, ClaimsPrincipal user,
        PortfolioChanges changes, CancellationToken ct)
    {
        var (content, problem) = await Uploads.ReadAsync(file, ct);
        return ApiResults.From(await changes.AddCertificateAsync(user.Actor(), new CertificateCommand(title, awardedOn, content, problem), ct),
            id => TypedResults.Created($"/api/v1/portfolio/certificates/{id}", new CreatedId(id)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Certificate(Guid certificateId, HttpContext http, PortfolioChanges changes, CancellationToken ct) =>
        await changes.CertificateFileAsync(http.User.Actor(), certificateId, ct) is { } found
            ? Uploads.Download(http, found.File, "certificate")
            : ApiResults.NotFound();

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddGoal(ChildContext child, GoalRequest body, PortfolioChanges changes, CancellationToken ct) =>
        ApiResults.From(await changes.AddGoalAsync(child, new GoalCommand(body.PersonId, body.Kind, body.Title, body.Detail), ct),
            id => TypedResults.Created((string?)null, new CreatedId(id)));

    private static async Task<Results<Ok<GoalAchieved>, ProblemHttpResult>> Achieved(ChildContext child, Guid goalId, PortfolioChanges changes, CancellationToken ct) =>
        ApiResults.From(await changes.MarkAchievedAsync(child, goalId, ct), id => TypedResults.Ok(new GoalAchieved(id)));

    private static async Task<Ok<IReadOnlyList<DiaryLine>>> DiaryList(DateOnly? from, ClaimsPrincipal user, Diary diary, CancellationToken ct) =>
        TypedResults.Ok(await diary.ListAsync(user.Actor(), from, ct));

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddEntry(DiaryRequest body, ClaimsPrincipal user, Diary diary, CancellationToken ct) =>
        ApiResults.From(await diary.AddAsync(user.Actor(), Input(body), ct), id => TypedResults.Created($"/api/v1/diary/{id}", new CreatedId(id)));

    private static async Task<Results<Ok<DiaryEntryChanged>, ProblemHttpResult>> ChangeEntry(Guid entryId, DiaryRequest body, ClaimsPrincipal user, Diary diary, CancellationToken ct) =>
        ApiResults.From(await diary.ChangeAsync(user.Actor(), entryId, body.Version, Input(body), ct), id => TypedResults.Ok(new DiaryEntryChanged(id)));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteEntry(Guid entryId, ClaimsPrincipal user, Diary diary, CancellationToken ct) =>
        ApiResults.From(await diary.DeleteAsync(user.Actor(), entryId, ct), _ => TypedResults.NoContent());

    private static DiaryInput Input(DiaryRequest body) => new(body.Title, body.Date, body.Time, body.Place, body.Notes);
}
