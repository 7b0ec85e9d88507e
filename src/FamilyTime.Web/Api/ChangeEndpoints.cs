using FamilyTime.Domain.Access;
using System.Security.Claims;
using FamilyTime.Domain.Changes;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Changes;

namespace FamilyTime.Web.Api;

public sealed record ProposeEndingRequest(Guid ArrangementId, string? Reasons);

public sealed record IroDecisionRequest(IroDecision? Decision, string? Reasons, DateOnly? ReviewOn);

public sealed record ReviewOutcomeRequest(bool? Agreed, string? Notes);

public sealed record CourtAgreementRequest(DateOnly? AgreedOn, string? Reference);

public sealed record WithdrawRequest(string? Reason);

/// <summary>A proposal and where it stands; the steps are null until taken.</summary>
public sealed record ChangeDto(
    Guid Id, Guid ArrangementId, string Kinds, string Summary, string Reasons, ChangeStage Stage, string ProposedBy, DateTime ProposedAt,
    bool NeedsCourt, DateOnly? CourtAgreedOn, string? CourtReference,
    IroDecision IroDecision, string? IroReasons, DateOnly? ReviewOn, string? IroName, DateTime? IroDecidedAt, bool? ReviewAgreed,
    DateTime? NoticesSentAt, DateTime? EffectiveAt, DateTime? WithdrawnAt, IReadOnlyList<NoticeSent> Notices)
{
    public static ChangeDto From(ChangeView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var p = v.Proposal;
        return new(p.Id, p.ArrangementId, p.Kinds.ToString(), p.Summary, p.Reasons, p.Stage, p.ProposedByName, p.ProposedAt,
            p.NeedsCourt, p.CourtAgreedOn, p.CourtReference, p.IroDecision, p.IroReasons, p.ReviewOn, p.IroName, p.IroDecidedAt, p.ReviewAgreed,
            p.NoticesSentAt, p.EffectiveAt, p.WithdrawnAt, v.Notices);
    }
}

/// <summary>
/// Major changes to agreed family time. A change of frequency, venue, supervision or people is proposed by PUT on the
/// arrangement (answered 202 with the proposal); ending is proposed here. Each step is refused, with what is missing,
/// until the step before it is recorded.
/// </summary>
public static class ChangeEndpoints
{
    public static void MapChangeEndpoints(this RouteGroupBuilder api)
    {
        var changes = api.MapGroup("/children/{id:guid}/changes").WithTags("Changes");
        changes.MapGet("", List).ForChild(ChildOperation.ViewCase).WithSummary("The child's proposed changes to family time, newest first, with their stage.");
        changes.MapPost("", ProposeEnding).ForChild(ChildOperation.ManageChanges).WithSummary("Proposes ending an arrangement; the child's IRO is told and gets a task.").ProducesValidationProblem();
        changes.MapGet("/{changeId:guid}", Read).ForChild(ChildOperation.ViewCase).WithSummary("One proposal with its steps and the notices sent.");
        changes.MapPost("/{changeId:guid}/iro-decision", Decide).ForChild(ChildOperation.DecideAsIro).WithSummary("The IRO: AgreedWithoutReview or ReviewConvened (with reviewOn), with reasons for the child's file.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/review", Review).ForChild(ChildOperation.DecideAsIro).WithSummary("The IRO: whether the convened child in care review agreed the change.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/court", Court).ForChild(ChildOperation.ManageChanges).WithSummary("In care proceedings: the date and order of the family court's agreement.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/notices", Notices).ForChild(ChildOperation.ManageChanges).WithSummary("Puts the notices to the family, carers and child in the outbox; only after the IRO (and court) agreed.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/take-effect", TakeEffect).ForChild(ChildOperation.ManageChanges).WithSummary("Makes the change: a new plan version; refused until every earlier step is recorded.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/withdraw", Withdraw).ForChild(ChildOperation.ManageChanges).WithSummary("Withdraws a proposal that has not taken effect.").ProducesValidationProblem();
    }

    private static async Task<IResult> List(Guid id, ClaimsPrincipal user, ChildAccessPolicy access, ChangeReader reader, CancellationToken ct)
    {
        var (level, _) = await access.CheckAsync(user.Scope(), id, ct);
        return level < Domain.Access.ChildAccess.Case ? ApiResults.NotFound() : TypedResults.Ok(await reader.ForChildAsync(id, ct));
    }

    private static async Task<IResult> Read(Guid id, Guid changeId, ClaimsPrincipal user, ChangeReader reader, CancellationToken ct) =>
        ApiResults.From(await reader.ReadAsync(user.Actor(), id, changeId, ct), v => TypedResults.Ok(ChangeDto.From(v)));

    private static async Task<IResult> ProposeEnding(Guid id, ProposeEndingRequest body, ClaimsPrincipal user, ChangeWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.ProposeEndingAsync(user.Actor(), id, body.ArrangementId, body.Reasons, ct),
            changeId => TypedResults.Created($"/api/v1/children/{id}/changes/{changeId}", new { id = changeId }));

    private static async Task<IResult> Decide(Guid id, Guid changeId, IroDecisionRequest body, ClaimsPrincipal user, ChangeWorkflow workflow, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await workflow.DecideAsync(user.Actor(), id, changeId, body.Decision ?? IroDecision.None, body.Reasons, body.ReviewOn, ct), user, id, changeId, reader, ct);

    private static async Task<IResult> Review(Guid id, Guid changeId, ReviewOutcomeRequest body, ClaimsPrincipal user, ChangeWorkflow workflow, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await workflow.ReviewAsync(user.Actor(), id, changeId, body.Agreed, body.Notes, ct), user, id, changeId, reader, ct);

    private static async Task<IResult> Court(Guid id, Guid changeId, CourtAgreementRequest body, ClaimsPrincipal user, ChangeWorkflow workflow, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await workflow.CourtAsync(user.Actor(), id, changeId, body.AgreedOn, body.Reference, ct), user, id, changeId, reader, ct);

    private static async Task<IResult> Notices(Guid id, Guid changeId, ClaimsPrincipal user, ChangeWorkflow workflow, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await workflow.SendNoticesAsync(user.Actor(), id, changeId, ct), user, id, changeId, reader, ct);

    private static async Task<IResult> TakeEffect(Guid id, Guid changeId, ClaimsPrincipal user, ChangeWorkflow workflow, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await workflow.TakeEffectAsync(user.Actor(), id, changeId, ct), user, id, changeId, reader, ct);

    private static async Task<IResult> Withdraw(Guid id, Guid changeId, WithdrawRequest body, ClaimsPrincipal user, ChangeWorkflow workflow, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await workflow.WithdrawAsync(user.Actor(), id, changeId, body.Reason, ct), user, id, changeId, reader, ct);

    /// <summary>A step taken answers the proposal as it now stands.</summary>
    private static async Task<IResult> AfterAsync(Infrastructure.Outcome<Guid> outcome, ClaimsPrincipal user, Guid id, Guid changeId, ChangeReader reader, CancellationToken ct)
    {
        if (outcome.Kind != Infrastructure.OutcomeKind.Ok)
        {
            return ApiResults.From(outcome, _ => TypedResults.Ok());
        }
        return ApiResults.From(await reader.ReadAsync(user.Actor(), id, changeId, ct), v => TypedResults.Ok(ChangeDto.From(v)));
    }
}
