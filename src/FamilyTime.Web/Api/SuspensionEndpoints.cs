using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Suspensions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Suspensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>An emergency suspension of one arrangement, from startOn (today or up to 6 days ago), with the reasons.</summary>
public sealed record SuspensionStartRequest(Guid? ArrangementId, DateOnly? StartOn, string? Reasons);

/// <summary>Who the social worker talked the suspension through with.</summary>
public enum SuspensionDiscussedWith
{
    TeamManager = 1,
    Iro = 2,
}

/// <summary>A discussion of the suspension with the team manager or the IRO, and the day it took place.</summary>
public sealed record SuspensionDiscussionRequest([property: NamesOf(typeof(SuspensionDiscussedWith))] string? With, DateOnly? On);

/// <summary>The day family time resumes.</summary>
public sealed record SuspensionDateRequest(DateOnly? On);

/// <summary>Refusal continues for a child under a care order: the legal advice taken and the section 34(4) application made.</summary>
public sealed record Section34ApplicationRequest(DateOnly? AdviceOn, string? Advice, DateOnly? AppliedOn, string? Reference);

/// <summary>A child whom section 34 does not cover: the parents' agreement (or the decision) to keep family time paused while the plan changes.</summary>
public sealed record PlanChangeAgreementRequest(DateOnly? AgreedOn, string? Agreement);

/// <summary>
/// A suspension and its clock, read today: day of the 7, stage (Running, Warning, Escalated, Resumed, ApplicationMade,
/// PlanChanging), and the route the child's legal status gives (Section34Application, ParentsAgreement, PlanChange).
/// </summary>
public sealed record SuspensionDto(
    Guid Id,
    Guid ArrangementId,
    string With,
    DateOnly StartedOn,
    DateOnly LastDay,
    int Day,
    SuspensionStage Stage,
    SuspensionRoute Route,
    string Reasons,
    DateOnly? ManagerDiscussedOn,
    DateOnly? IroDiscussedOn,
    DateOnly? LegalAdviceOn,
    string? LegalAdvice,
    DateOnly? ApplicationMadeOn,
    string? ApplicationReference,
    DateOnly? PlanChangeAgreedOn,
    string? PlanChangeAgreement,
    DateOnly? ResumedOn)
{
    public static SuspensionDto Of(SuspensionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Suspension;
        return new(view.Id, view.ArrangementId, view.With, view.StartedOn, view.LastDay, view.Day, view.Stage, view.Route, s.Reasons,
            s.ManagerDiscussedOn, s.IroDiscussedOn, s.LegalAdviceOn, s.LegalAdvice, s.ApplicationMadeOn, s.ApplicationReference,
            s.PlanChangeAgreedOn, s.PlanChangeAgreement, s.ResumedOn);
    }
}

/// <summary>
/// Suspending family time in an emergency (guidance section 11), as the suspension's pages do: start it, record the
/// discussions with the team manager and the IRO, then resume, or record the section 34(4) application or the agreed
/// change of plan. Each step answers the suspension as it now stands.
/// </summary>
public static class SuspensionEndpoints
{
    public static void MapSuspensionEndpoints(this RouteGroupBuilder api)
    {
        var suspensions = api.MapGroup("/children/{id:guid}/suspensions").WithTags("Suspensions");
        suspensions.MapGet("", List).ForChild(ChildOperation.ViewCase)
            .WithSummary("The child's suspensions, the latest first, each with its 7-day clock.").ProducesProblem(403);
        suspensions.MapGet("/{suspensionId:guid}", Get).ForChild(ChildOperation.ViewCase)
            .WithSummary("One suspension and its clock.").ProducesProblem(403);
        suspensions.MapPost("", Start).ForChild(ChildOperation.Suspend)
            .WithSummary("Suspend an arrangement in an emergency for up to 7 days: its planned sessions in that time are marked suspended, and the carers and family are told.")
            .ProducesValidationProblem().ProducesProblem(403);
        suspensions.MapPost("/{suspensionId:guid}/discussions", Discuss).ForChild(ChildOperation.Suspend)
            .WithSummary("Record the discussion with the team manager or the IRO ('with': TeamManager or Iro).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        suspensions.MapPost("/{suspensionId:guid}/resume", Resume).ForChild(ChildOperation.Suspend)
            .WithSummary("Family time resumes: later sessions are planned again.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        suspensions.MapPost("/{suspensionId:guid}/section-34-application", Application).ForChild(ChildOperation.Suspend)
            .WithSummary("Refusal must continue (care order): the legal advice and the section 34(4) application, within the 7 days.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        suspensions.MapPost("/{suspensionId:guid}/plan-change", PlanChange).ForChild(ChildOperation.Suspend)
            .WithSummary("For a child whom section 34 does not cover: family time stays paused while the plan changes through the IRO.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Ok<List<SuspensionDto>>> List(ChildContext child, SuspensionReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.AllAsync(child, ct)).Select(SuspensionDto.Of).ToList());

    private static async Task<Results<Ok<SuspensionDto>, ProblemHttpResult>> Get(Guid suspensionId, ChildContext child, SuspensionReader reader, CancellationToken ct) =>
        await reader.OneAsync(child, suspensionId, ct) is { } view ? TypedResults.Ok(SuspensionDto.Of(view)) : ApiResults.NotFound();

    private static async Task<Results<Created<SuspensionDto>, ProblemHttpResult>> Start(SuspensionStartRequest body, ChildContext child, SuspendFamilyTime suspend,
        SuspensionReader reader, CancellationToken ct)
    {
        if (body.ArrangementId is not { } arrangementId)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("ArrangementId", "Send the id of the arrangement to suspend").ByField);
        }
        return await ApiResults.FromAsync((await suspend.HandleAsync(child, new SuspensionStarted(arrangementId, body.StartOn, body.Reasons), ct)).Named(Field),
            async id => TypedResults.Created($"/api/v1/children/{child.ChildId}/suspensions/{id}", SuspensionDto.Of((await reader.OneAsync(child, id, ct))!)));
    }

    private static async Task<Results<Ok<SuspensionDto>, ProblemHttpResult>> Discuss(Guid suspensionId, SuspensionDiscussionRequest body, ChildContext child,
        RecordSuspensionDiscussion record, SuspensionReader reader, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var with = EnumInput.Required<SuspensionDiscussedWith>(body.With, "With", "person", "Say who the suspension was discussed with: TeamManager or Iro", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return await AfterAsync(await record.HandleAsync(child, suspensionId, with == SuspensionDiscussedWith.TeamManager, body.On, ct), child, reader, ct);
    }

    private static async Task<Results<Ok<SuspensionDto>, ProblemHttpResult>> Resume(Guid suspensionId, SuspensionDateRequest body, ChildContext child,
        ResumeFamilyTime resume, SuspensionReader reader, CancellationToken ct) =>
        await AfterAsync(await resume.HandleAsync(child, suspensionId, body.On, ct), child, reader, ct);

    private static async Task<Results<Ok<SuspensionDto>, ProblemHttpResult>> Application(Guid suspensionId, Section34ApplicationRequest body, ChildContext child,
        RecordSection34Application record, SuspensionReader reader, CancellationToken ct) =>
        await AfterAsync(await record.HandleAsync(child, suspensionId, new Section34ApplicationMade(body.AdviceOn, body.Advice, body.AppliedOn, body.Reference), ct), child, reader, ct);

    private static async Task<Results<Ok<SuspensionDto>, ProblemHttpResult>> PlanChange(Guid suspensionId, PlanChangeAgreementRequest body, ChildContext child,
        AgreePlanChange agree, SuspensionReader reader, CancellationToken ct) =>
        await AfterAsync(await agree.HandleAsync(child, suspensionId, new PlanChangeAgreed(body.AgreedOn, body.Agreement), ct), child, reader, ct);

    private static Task<Results<Ok<SuspensionDto>, ProblemHttpResult>> AfterAsync(Infrastructure.Outcome<Guid> outcome, ChildContext child, SuspensionReader reader, CancellationToken ct) =>
        ApiResults.FromAsync(outcome.Named(Field), async id => TypedResults.Ok(SuspensionDto.Of((await reader.OneAsync(child, id, ct))!)));

    /// <summary>The suspension's fields as the requests name them.</summary>
    private static string Field(string field) => field switch
    {
        "StartedOn" => "StartOn",
        "DiscussedOn" or "ResumedOn" => "On",
        "LegalAdviceOn" => "AdviceOn",
        "LegalAdvice" => "Advice",
        "ApplicationMadeOn" => "AppliedOn",
        "ApplicationReference" => "Reference",
        "PlanChangeAgreedOn" => "AgreedOn",
        "PlanChangeAgreement" => "Agreement",
        _ => field,
    };
}
