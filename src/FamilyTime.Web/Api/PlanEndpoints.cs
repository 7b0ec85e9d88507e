using FamilyTime.Web.Api.Idempotency;
using FamilyTime.Domain.Access;
using System.Globalization;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans;
using FamilyTime.Web.Features.Sessions;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>Why agreed family time changes; during care proceedings also the court's agreement.</summary>
public sealed record ChangeRequest(string? Reason, DateOnly? CourtAgreedOn, string? CourtReference);

/// <summary>
/// One arrangement. Enumerations are names: purposes such as "Attachment" or "ParentingAssessment"; type
/// "Supervised", "Assessed", "Facilitated" or "Unsupervised"; form "FaceToFace", "Phone", "VideoCall", "Text",
/// "Letter" or "SocialMedia"; frequency "Weekly", "Fortnightly", "Monthly" or "CustomDates"; days "Monday"…;
/// startTime "HH:mm" on the 24-hour clock, London time; confirmationRequired asks the family to confirm each session by
/// confirmHoursBefore hours before it starts (1 to 168, default 24); needsStepFreeAccess asks for a step-free room and
/// venueFixed keeps family time at venueId (it needs one); both are false when left out.
/// </summary>
public sealed record ArrangementRequest(
    IReadOnlyList<Guid>? PersonIds,
    [property: NamesOf(typeof(Purpose))] IReadOnlyList<string>? Purposes,
    [property: NamesOf(typeof(ArrangementType))] string? Type,
    string? ReasonForSupervision,
    [property: NamesOf(typeof(FamilyTimeForm))] string? Form,
    [property: NamesOf(typeof(FrequencyKind))] string? Frequency,
    [property: NamesOf(typeof(DayOfWeek))] IReadOnlyList<string>? Days,
    DateOnly? FirstDate,
    IReadOnlyList<DateOnly>? CustomDates,
    string? StartTime,
    int? DurationMinutes,
    Guid? VenueId,
    Guid? RoomId,
    int? JourneyMinutes,
    string? SuggestedActivity,
    string? SupervisorId,
    string? InterpreterLanguage,
    string? Transport,
    string? Food,
    string? Gifts,
    string? Activities,
    string? WhoParents,
    string? WhatEndsSession,
    int? ReviewEveryMonths,
    DateOnly? NextReviewOn,
    string? ChildsWishes,
    [property: NamesOf(typeof(Domain.Records.DifficultFamilyTimeFactor))] IReadOnlyList<string>? DifficultFactors,
    ChangeRequest? Change,
    int? Version,
    [property: NamesOf(typeof(WishesNotAsked))] string? WishesNotAsked = null,
    string? WishesNotAskedWhy = null,
    string? RouteToLessSupervision = null,
    DateOnly? RouteToLessSupervisionBy = null,
    [property: NamesOf(typeof(FamilyTimePlace))] string? Place = null,
    string? PlaceDescription = null,
    [property: NamesOf(typeof(SupervisedBy))] string? SupervisedBy = null,
    string? SupervisorName = null,
    Guid? InterpreterForPersonId = null,
    bool? ConfirmationRequired = null,
    int? ConfirmHoursBefore = null,
    int? WorkersNeeded = null,
    bool? NeedsStepFreeAccess = null,
    bool? VenueFixed = null);

public sealed record PlanReviewRequest(DateOnly? NextReviewOn);

/// <summary>The plan's next review date as now set; null when it was cleared.</summary>
public sealed record PlanNextReview(DateOnly? NextReviewOn);

public sealed record ConsiderationRequest(Guid? PersonId, string? Reason);

public sealed record ExceptionRequest(string? Reason);

public sealed record SessionRequest(DateOnly? Date, string? StartTime, int? DurationMinutes, Guid? VenueId, Guid? RoomId, Guid? ArrangementId);

public static class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/children/{id:guid}/plan").WithTags("Plans");
        plan.MapGet("", Get).ForChild(ChildOperation.ViewCase).WithSummary("The child's family-time plan: arrangements, who has been considered, versions.").ProducesProblem(403);
        plan.MapPut("", SetReview).ForChild(ChildOperation.EditPlan).WithSummary("Set the next plan review date.").ProducesValidationProblem().ProducesProblem(403);
        plan.MapPost("/agree", Agree).ForChild(ChildOperation.AgreePlan).WithSummary("Agree the draft plan as version 1 and plan the next 12 months of sessions.").ProducesValidationProblem().ProducesProblem(403);
        plan.MapPost("/share", Share).ForChild(ChildOperation.AgreePlan).WithSummary("Record that the agreed plan was shared with the family today.").ProducesValidationProblem().ProducesProblem(403);
        plan.MapPost("/considerations", Consider).ForChild(ChildOperation.EditPlan).WithSummary("Record why a parent, brother or sister has no family time.").ProducesValidationProblem().ProducesProblem(403);
        plan.MapGet("/arrangements", Arrangements).ForChild(ChildOperation.ViewCase).WithSummary("The plan's arrangements.").ProducesProblem(403);
        plan.MapPost("/arrangements", AddArrangement).ForChild(ChildOperation.EditPlan)
            .WithSummary("Add an arrangement. Once the plan is agreed, send 'change' with the reason (and the court's agreement during proceedings).")
            .ProducesValidationProblem().ProducesProblem(403);
        plan.MapPut("/arrangements/{arrangementId:guid}", ChangeArrangement).ForChild(ChildOperation.EditPlan)
            .WithSummary("Change an arrangement. Send the 'version' you read (a stale one answers 409) and, once the plan is agreed, 'change'.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);

        api.MapPost("/children/{id:guid}/supervision-exception", RecordException).WithTags("Plans").ForChild(ChildOperation.ApproveException)
            .WithSummary("A head of service approves supervised family time for a child accommodated under section 20.")
            .ProducesValidationProblem().ProducesProblem(403);

        var sessions = api.MapGroup("/children/{id:guid}/sessions").WithTags("Sessions");
        sessions.MapGet("", Sessions).ForChild(ChildOperation.ViewSessions).WithSummary("The child's sessions between 'from' and 'to' (YYYY-MM-DD; default the next 12 months).").ProducesValidationProblem();
        sessions.MapPost("", AddSession).ForChild(ChildOperation.EditPlan).Idempotent()
            .WithSummary("Arrange a one-off session. A room or child already booked at an overlapping time answers 409, its title saying what clashed.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Ok<PlanView>> Get(ChildContext child, PlanReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.ReadAsync(child, ct)).Plan);

    private static async Task<Ok<IReadOnlyList<ArrangementView>>> Arrangements(ChildContext child, PlanReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.ReadAsync(child, ct)).Plan.Arrangements);

    private static async Task<Results<Ok<PlanNextReview>, ProblemHttpResult>> SetReview(ChildContext child, PlanReviewRequest body, SetNextReview review, CancellationToken ct) =>
        ApiResults.From(await review.HandleAsync(child, body.NextReviewOn, ct), _ => TypedResults.Ok(new PlanNextReview(body.NextReviewOn)));

    private static async Task<Results<Ok<PlanAgreed>, ProblemHttpResult>> Agree(ChildContext child, AgreePlan agree, CancellationToken ct) =>
        ApiResults.From(await agree.HandleAsync(child, ct), TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult>> Share(ChildContext child, SharePlan share, CancellationToken ct) =>
        ApiResults.From(await share.HandleAsync(child, ct), _ => TypedResults.NoContent());

    private static async Task<Results<NoContent, ProblemHttpResult>> Consider(ChildContext child, ConsiderationRequest body, RecordConsideration record, CancellationToken ct)
    {
        if (body.PersonId is not { } personId)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("PersonId", "Send the id of the person from the child's record").ByField);
        }
        return ApiResults.From(await record.HandleAsync(child, personId, body.Reason, ct), _ => TypedResults.NoContent());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RecordException(ChildContext child, ExceptionRequest body, ApproveSupervisionException approve, CancellationToken ct) =>
        ApiResults.From(await approve.HandleAsync(child, body.Reason, ct), _ => TypedResults.NoContent());

    // An added arrangement answers 201 and a changed one 200, or 202 when the change went to the IRO as a proposal (checked for both, as before).
    private static Task<Results<Results<Created<ArrangementSaved>, Accepted<ArrangementSaved>>, ProblemHttpResult>> AddArrangement(
        ChildContext child, ArrangementRequest body, SaveArrangement save, CancellationToken ct) =>
        SaveArrangement(child, null, body, save, saved => TypedResults.Created($"/api/v1/children/{child.ChildId}/plan/arrangements/{saved.Id}", saved), ct);

    private static Task<Results<Results<Ok<ArrangementSaved>, Accepted<ArrangementSaved>>, ProblemHttpResult>> ChangeArrangement(
        ChildContext child, Guid arrangementId, ArrangementRequest body, SaveArrangement save, CancellationToken ct) =>
        SaveArrangement(child, arrangementId, body, save, TypedResults.Ok, ct);

    private static async Task<Results<Results<TSaved, Accepted<ArrangementSaved>>, ProblemHttpResult>> SaveArrangement<TSaved>(
        ChildContext child, Guid? arrangementId, ArrangementRequest body, SaveArrangement save, Func<ArrangementSaved, TSaved> answer, CancellationToken ct)
        where TSaved : IResult
    {
        var errors = new ValidationErrors();
        var details = Read(body, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var change = body.Change is { } c ? new PlanChange(c.Reason, c.CourtAgreedOn, c.CourtReference) : null;
        var outcome = await save.HandleAsync(child, new ArrangementInput(arrangementId, details, change, body.Version), ct);
        var id = child.ChildId;
        return ApiResults.From(outcome, saved => saved.ProposalId is { } proposal
            ? (Results<TSaved, Accepted<ArrangementSaved>>)TypedResults.Accepted($"/api/v1/children/{id}/changes/{proposal}", saved)
            : answer(saved));
    }

    private static async Task<Results<Ok<SessionRange>, ProblemHttpResult>> Sessions(ChildContext child, SessionList list, CancellationToken ct, DateOnly? from = null, DateOnly? to = null) =>
        ApiResults.From(await list.ListAsync(child, from, to, ct), TypedResults.Ok);

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> AddSession(ChildContext child, SessionRequest body, AddSession handler, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var start = ReadTime(body.StartTime, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var outcome = await handler.HandleAsync(child, new OneOffSession(body.Date, start, body.DurationMinutes, body.VenueId, body.RoomId, body.ArrangementId), ct);
        return ApiResults.From(outcome, sid => TypedResults.Created($"/api/v1/children/{child.ChildId}/sessions/{sid}", new CreatedId(sid)));
    }

    private static ArrangementDetails Read(ArrangementRequest b, ValidationErrors errors)
    {
        var purposes = Purpose.None;
        foreach (var p in b.Purposes ?? [])
        {
            purposes |= EnumInput.Parse<Purpose>(p, "Purposes", "purpose", errors) ?? Purpose.None;
        }
        var days = new HashSet<DayOfWeek>();
        foreach (var d in b.Days ?? [])
        {
            if (EnumInput.Parse<DayOfWeek>(d, "Days", "day", errors) is { } day)
            {
                days.Add(day);
            }
        }
        return new ArrangementDetails
        {
            PersonIds = b.PersonIds ?? [],
            Purposes = purposes,
            Type = EnumInput.Parse<ArrangementType>(b.Type, "Type", "type", errors),
            ReasonForSupervision = b.ReasonForSupervision,
            Form = EnumInput.Parse<FamilyTimeForm>(b.Form, "Form", "form", errors),
            Frequency = EnumInput.Parse<FrequencyKind>(b.Frequency, "Frequency", "frequency", errors),
            Days = days,
            FirstDate = b.FirstDate,
            CustomDates = b.CustomDates ?? [],
            StartTime = ReadTime(b.StartTime, errors),
            DurationMinutes = b.DurationMinutes,
            VenueId = b.VenueId,
            RoomId = b.RoomId,
            JourneyMinutes = b.JourneyMinutes,
            SuggestedActivity = b.SuggestedActivity,
            SupervisorId = string.IsNullOrWhiteSpace(b.SupervisorId) ? null : b.SupervisorId,
            InterpreterLanguage = b.InterpreterLanguage,
            Transport = b.Transport,
            Terms = new AgreementTerms(b.Food, b.Gifts, b.Activities, b.WhoParents, b.WhatEndsSession),
            ReviewEveryMonths = b.ReviewEveryMonths,
            NextReviewOn = b.NextReviewOn,
            ChildsWishes = b.ChildsWishes,
            WishesNotAsked = b.WishesNotAsked is null ? null : EnumInput.Parse<WishesNotAsked>(b.WishesNotAsked, "WishesNotAsked", "reason", errors),
            WishesNotAskedWhy = b.WishesNotAskedWhy,
            RouteToLessSupervision = b.RouteToLessSupervision,
            RouteToLessSupervisionBy = b.RouteToLessSupervisionBy,
            Place = b.Place is null ? FamilyTimePlace.Venue : EnumInput.Parse<FamilyTimePlace>(b.Place, "Place", "place", errors) ?? FamilyTimePlace.Venue,
            PlaceDescription = b.PlaceDescription,
            SupervisedBy = b.SupervisedBy is null ? SupervisedBy.Worker : EnumInput.Parse<SupervisedBy>(b.SupervisedBy, "SupervisedBy", "supervisor", errors) ?? SupervisedBy.Worker,
            SupervisorName = b.SupervisorName,
            InterpreterForPersonId = b.InterpreterForPersonId,
            ConfirmationRequired = b.ConfirmationRequired ?? false,
            NeedsStepFreeAccess = b.NeedsStepFreeAccess ?? false,
            VenueFixed = b.VenueFixed ?? false,
            ConfirmHoursBefore = b.ConfirmHoursBefore,
            WorkersNeeded = b.WorkersNeeded ?? 1,
            Factors = (b.DifficultFactors ?? []).Select(f => EnumInput.Parse<Domain.Records.DifficultFamilyTimeFactor>(f, "DifficultFactors", "factor", errors))
                .OfType<Domain.Records.DifficultFamilyTimeFactor>().ToHashSet(),
        };
    }

    private static TimeOnly? ReadTime(string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(value.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        errors.Add("StartTime", "Send the start time as \"HH:mm\" on the 24-hour clock, like \"14:30\"");
        return null;
    }
}
