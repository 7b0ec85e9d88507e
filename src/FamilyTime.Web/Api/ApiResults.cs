using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// Turns a use case's outcome into its answer or RFC 9457 problem details, with field names as the API spells them.
/// Handlers declare their answers as <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>, so the OpenAPI document's success
/// schema is the type the compiler checked, not a promise written beside the code.
/// </summary>
public static class ApiResults
{
    public static Results<TOk, ProblemHttpResult> From<T, TOk>(Outcome<T> outcome, Func<T, TOk> ok) where TOk : IResult =>
        outcome.Kind == OutcomeKind.Ok ? ok(outcome.Value!) : Refusal(outcome);

    /// <summary>As <see cref="From{T, TOk}"/>, for an answer that needs a read after the change (the record as it now stands).</summary>
    public static async Task<Results<TOk, ProblemHttpResult>> FromAsync<T, TOk>(Outcome<T> outcome, Func<T, Task<TOk>> ok) where TOk : IResult =>
        outcome.Kind == OutcomeKind.Ok ? await ok(outcome.Value!) : Refusal(outcome);

    /// <summary>
    /// The outcome with its field errors named as the request spells them, where the use case names a field after what
    /// it is ("ResumedOn") and the request after what it asks ("on").
    /// </summary>
    public static Outcome<T> Named<T>(this Outcome<T> outcome, Func<string, string> field) =>
        outcome.Errors is null ? outcome : outcome with { Errors = outcome.Errors.GroupBy(e => field(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()) };

    /// <summary>The problem for an outcome that is not Ok.</summary>
    public static ProblemHttpResult Refusal<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => Invalid(outcome.Errors!),
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "You cannot make this change", detail: outcome.Message),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: outcome.Title ?? "The record has changed", detail: outcome.Message),
        _ => throw new InvalidOperationException(outcome.Kind.ToString()),
    };

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: "There is no record at this address that you can see.");

    /// <summary>A 400 with the fields at fault ('errors'), as a problem like every other refusal.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => ApiName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Some of the information is missing or wrong",
            Detail = "Correct the fields listed in 'errors' and send the request again. Nothing was saved.",
        });

    /// <summary>"DateOfBirth" → "dateOfBirth", "PlacementStartDate" → "placement.startDate", as the JSON body spells them.</summary>
    public static string ApiName(string field) => field switch
    {
        "PlacementKind" => "placement.kind",
        "PlacementStartDate" => "placement.startDate",
        "CarerHouseholdId" => "placement.carerHouseholdId",
        "ResidentialHomeName" => "placement.residentialHomeName",
        "" => "",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
