using FamilyTime.Web.Api.Idempotency;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Children;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

public static class ChildrenEndpoints
{
    public static void MapChildrenEndpoints(this RouteGroupBuilder api)
    {
        var children = api.MapGroup("/children").WithTags("Children");
        children.MapGet("", List).StaffOnly()
            .WithSummary("The children you can reach, by last name. 'X-Total-Count' gives the number across all pages.");
        children.MapPost("", Create).StaffOnly().Idempotent()
            .WithSummary("Record a child coming into care.")
            .ProducesValidationProblem()
            .ProducesProblem(403);
        children.MapGet("/{id:guid}", Get).ForChild(ChildOperation.ViewChild)
            .WithSummary("One child's record, with as much as your role allows.");
        children.MapPut("/{id:guid}", Update).ForChild(ChildOperation.EditChild)
            .WithSummary("Correct a child's details. Send the 'version' you read; a stale version answers 409.")
            .ProducesValidationProblem()
            .ProducesProblem(403)
            .ProducesProblem(409);
    }

    private static async Task<Ok<IReadOnlyList<ChildRow>>> List(ClaimsPrincipal user, ChildList list, HttpContext http, CancellationToken ct,
        string? search = null, int page = 1, int pageSize = 50)
    {
        var result = await list.ShowAsync(user.Actor(), search, page, pageSize, ct);
        http.Response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(result.Rows);
    }

    private static async Task<Ok<ChildView>> Get(ChildContext child, ChildRecord record, CancellationToken ct) =>
        TypedResults.Ok(await record.ViewAsync(child, ct));

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Create(NewChildRequest body, ClaimsPrincipal user, ComeIntoCare handler, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var status = EnumInput.Parse<LegalStatus>(body.LegalStatus, "LegalStatus", "legal status", errors);
        var kind = EnumInput.Parse<PlacementKind>(body.Placement?.Kind, "PlacementKind", "home kind", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var command = new ComeIntoCareCommand(
            new ChildDetails(body.FirstName, body.LastName, body.PreferredName, body.DateOfBirth, body.Gender, body.Ethnicity, body.FirstLanguage, body.FamilyTimeName),
            new LegalStatusDetails(status, body.LegalStatusStartDate, body.InCareProceedings),
            new PlacementDetails(kind, body.Placement?.CarerHouseholdId, body.Placement?.ResidentialHomeName, body.Placement?.StartDate, body.Placement?.IsLongTerm ?? false),
            body.SocialWorkerId,
            body.IroId);
        var outcome = await handler.HandleAsync(user.Scope(), user.UserName(), command, ct);
        return ApiResults.From(outcome, id => TypedResults.Created($"/api/v1/children/{id}", new CreatedId(id)));
    }

    private static async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> Update(ChildContext child, ChildUpdateRequest body, EditChild handler, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("Version", "Send the version of the record you read, to protect others' changes").ByField);
        }
        var outcome = await handler.HandleAsync(child, new EditChildCommand(body.ToDetails(), version), ct);
        return ApiResults.From(outcome, v => TypedResults.Ok(new SavedVersion(child.ChildId, v)));
    }
}
