using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Api;

/// <summary>Turns a use case's outcome into RFC 9457 problem details, with field names as the API spells them.</summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.Invalid => Invalid(outcome.Errors!),
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "You cannot make this change", detail: outcome.Message),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: "The record has changed", detail: outcome.Message),
        _ => throw new InvalidOperationException(outcome.Kind.ToString()),
    };

    public static IResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: "There is no record at this address that you can see.");

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => ApiName(e.Key), e => e.Value),
            title: "Some of the information is missing or wrong",
            detail: "Correct the fields listed in 'errors' and send the request again. Nothing was saved.");

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
