using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Wellbeing;
using FamilyTime.Domain.Wellbeing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>A carer's before-or-after observation: moment "Before" or "After", seven ratings 1 (very settled) to 5 (very unsettled).</summary>
public sealed record ObservationRequest([property: NamesOf(typeof(ObservationMoment))] string? Moment, int? Sleep, int? Eating, int? Mood, int? Regression, int? Aggression, int? Withdrawal, int? School, string? Words);

/// <summary>The observation kept: its id and its moment, "Before" or "After".</summary>
public sealed record WellbeingObservationRecorded(Guid Id, string Moment);

public static class WellbeingEndpoints
{
    public static void MapWellbeingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/children/{id:guid}").WithTags("Wellbeing");
        group.MapGet("/wellbeing", Read).ForChild(ChildOperation.ViewWellbeing).WithSummary("Before and after observations per person the child sees, and the signals that prompt a review.");
        group.MapPost("/sessions/{sessionId:guid}/observations", Record).ForChild(ChildOperation.RecordWellbeing)
            .WithSummary("Record how the child was before or after a session (once per moment).").ProducesValidationProblem();
    }

    private static async Task<Ok<WellbeingView>> Read(ChildContext child, WellbeingReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReadAsync(child, ct));

    private static async Task<Results<Created<WellbeingObservationRecorded>, ProblemHttpResult>> Record(Guid sessionId, ObservationRequest body, ChildContext child, RecordObservation handler, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var moment = EnumInput.Parse<ObservationMoment>(body.Moment, "Moment", "moment", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var input = new ObservationInput
        {
            Moment = moment, Sleep = body.Sleep, Eating = body.Eating, Mood = body.Mood, Regression = body.Regression,
            Aggression = body.Aggression, Withdrawal = body.Withdrawal, School = body.School, Words = body.Words,
        };
        return ApiResults.From(await handler.HandleAsync(child, sessionId, input, ct),
            o => TypedResults.Created($"/api/v1/children/{child.ChildId}/wellbeing", new WellbeingObservationRecorded(o.Id, o.Moment.ToString())));
    }
}
