using FamilyTime.Web.Api.Idempotency;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Changes;
using Microsoft.AspNetCore.Http.HttpResults;

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
        changes.MapPost("", ProposeEnding).ForChild(ChildOperation.ManageChanges).Idempotent().WithSummary("Proposes ending an arrangement; the child's IRO is told and gets a task.").ProducesValidationProblem();
        changes.MapGet("/{changeId:guid}", Read).ForChild(ChildOperation.ViewCase).WithSummary("One proposal with its steps and the notices sent.");
        changes.MapPost("/{changeId:guid}/iro-decision", Decide).ForChild(ChildOperation.DecideAsIro).WithSummary("The IRO: AgreedWithoutReview or ReviewConvened (with reviewOn), with reasons for the child's file.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/review", Review).ForChild(ChildOperation.DecideAsIro).WithSummary("The IRO: whether the convened child in care review agreed the change.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/court", Court).ForChild(ChildOperation.ManageChanges).WithSummary("In care proceedings: the date and order of the family court's agreement.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/notices", Notices).ForChild(ChildOperation.ManageChanges).WithSummary("Puts the notices to the family, carers and child in the outbox; only after the IRO (and court) agreed.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/take-effect", TakeEffect).ForChild(ChildOperation.ManageChanges).WithSummary("Makes the change: a new plan version; refused until every earlier step is recorded.").ProducesValidationProblem();
        changes.MapPost("/{changeId:guid}/withdraw", Withdraw).ForChild(ChildOperation.ManageChanges).WithSummary("Withdraws a proposal that has not taken effect.").ProducesValidationProblem();
    }

    private static async Task<Ok<IReadOnlyList<ChangeLine>>> List(ChildContext child, ChangeReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(child, ct));

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> Read(Guid changeId, ChildContext child, ChangeReader reader, CancellationToken ct) =>
        await reader.ReadAsync(child, changeId, ct) is { } view ? TypedResults.Ok(ChangeDto.From(view)) : ApiResults.NotFound();

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> ProposeEnding(ProposeEndingRequest body, ChildContext child, ProposeChange propose, CancellationToken ct) =>
        ApiResults.From(await propose.EndAsync(child, body.ArrangementId, body.Reasons, ct),
            changeId => TypedResults.Created($"/api/v1/children/{child.ChildId}/changes/{changeId}", new CreatedId(changeId)));

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> Decide(Guid changeId, IroDecisionRequest body, ChildContext child, DecideAsIro decide, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await decide.HandleAsync(child, changeId, new IroDecisionMade(body.Decision ?? IroDecision.None, body.Reasons, body.ReviewOn), ct), child, changeId, reader, ct);

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> Review(Guid changeId, ReviewOutcomeRequest body, ChildContext child, RecordReviewOutcome record, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await record.HandleAsync(child, changeId, new ReviewOutcomeRecorded(body.Agreed, body.Notes), ct), child, changeId, reader, ct);

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> Court(Guid changeId, CourtAgreementRequest body, ChildContext child, RecordCourtAgreement record, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await record.HandleAsync(child, changeId, new CourtAgreementRecorded(body.AgreedOn, body.Reference), ct), child, changeId, reader, ct);

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> Notices(Guid changeId, ChildContext child, SendChangeNotices send, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await send.HandleAsync(child, changeId, ct), child, changeId, reader, ct);

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> TakeEffect(Guid changeId, ChildContext child, TakeEffect takeEffect, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await takeEffect.HandleAsync(child, changeId, ct), child, changeId, reader, ct);

    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> Withdraw(Guid changeId, WithdrawRequest body, ChildContext child, WithdrawChange withdraw, ChangeReader reader, CancellationToken ct) =>
        await AfterAsync(await withdraw.HandleAsync(child, changeId, body.Reason, ct), child, changeId, reader, ct);

    /// <summary>A step taken answers the proposal as it now stands.</summary>
    private static async Task<Results<Ok<ChangeDto>, ProblemHttpResult>> AfterAsync(Infrastructure.Outcome<Guid> outcome, ChildContext child, Guid changeId, ChangeReader reader, CancellationToken ct) =>
        outcome.Kind == Infrastructure.OutcomeKind.Ok ? await Read(changeId, child, reader, ct) : ApiResults.Refusal(outcome);
}
