using FamilyTime.Web.Api.Idempotency;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Children;
using FamilyTime.Web.Features.Children.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>A significant person; <see cref="Relationship"/> is a name such as "Mother" or "HalfSibling".</summary>
public sealed record PersonRequest(
    string? FullName,
    [property: NamesOf(typeof(Relationship))] string? Relationship,
    bool HasParentalResponsibility,
    bool ChildPlacedWithThem,
    string? Address,
    string? Phone,
    string? Email,
    string? SpokenLanguage,
    bool NeedsInterpreter,
    int? Version);

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/children/{id:guid}/people").WithTags("People");
        people.MapGet("", List).ForChild(ChildOperation.ViewChild).WithSummary("The people who matter to the child.");
        people.MapPost("", Add).ForChild(ChildOperation.EditChild).Idempotent().WithSummary("Add a significant person.").ProducesValidationProblem().ProducesProblem(403);
        people.MapPut("/{personId:guid}", Update).ForChild(ChildOperation.EditChild)
            .WithSummary("Change a significant person. Send the 'version' you read; a stale version answers 409.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Ok<IReadOnlyList<PersonView>>> List(ChildContext child, ChildRecord record, CancellationToken ct) =>
        TypedResults.Ok((await record.ViewAsync(child, ct)).People);

    private static Task<Results<Created<PersonSaved>, ProblemHttpResult>> Add(ChildContext child, PersonRequest body, SavePerson handler, CancellationToken ct) =>
        Save(child, null, body, handler, saved => TypedResults.Created($"/api/v1/children/{child.ChildId}/people/{saved.Id}", saved), ct);

    private static Task<Results<Ok<PersonSaved>, ProblemHttpResult>> Update(ChildContext child, Guid personId, PersonRequest body, SavePerson handler, CancellationToken ct) =>
        Save(child, personId, body, handler, TypedResults.Ok, ct);

    private static async Task<Results<TSaved, ProblemHttpResult>> Save<TSaved>(
        ChildContext child, Guid? personId, PersonRequest body, SavePerson handler, Func<PersonSaved, TSaved> answer, CancellationToken ct)
        where TSaved : IResult
    {
        var errors = new ValidationErrors();
        var relationship = EnumInput.Parse<Relationship>(body.Relationship, "Relationship", "relationship", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var details = new PersonDetails(body.FullName, relationship, body.HasParentalResponsibility, body.ChildPlacedWithThem,
            body.Address, body.Phone, body.Email, body.SpokenLanguage, body.NeedsInterpreter);
        var outcome = await handler.HandleAsync(child, new SavePersonCommand(personId, details, body.Version), ct);
        return ApiResults.From(outcome, answer);
    }
}
