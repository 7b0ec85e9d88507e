using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.SessionActions;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Api;

/// <summary>How late, in whole minutes from 5 to 120.</summary>
public sealed record RunningLateRequest(int? Minutes);

/// <summary>Why the family member cannot come, in their own words.</summary>
public sealed record CantComeRequest(string? Reason);

/// <summary>The day wanted (YYYY-MM-DD), the earliest and latest start ("HH:mm", London time) and why.</summary>
public sealed record RearrangeRequestBody(DateOnly? ProposedDate, string? ProposedFrom, string? ProposedTo, string? Reason);

/// <summary>Approve: the day and start agreed (default the day asked for, at the earliest start); version is the request's, to detect a change meanwhile.</summary>
public sealed record ApproveRearrangeBody(DateOnly? Date, string? Start, int? Version);

/// <summary>Refuse: why, in words the family will read; version is the request's.</summary>
public sealed record RefuseRearrangeBody(string? Reason, int? Version);

/// <summary>What a family action did: changed is false when it had already been said (a repeated confirmation).</summary>
public sealed record SessionActionDto(Guid SessionId, bool Changed);

/// <summary>A request to move a session as staff read it.</summary>
public sealed record RearrangeDto(Guid Id, Guid SessionId, string RequestedBy, DateTime RequestedAt, DateOnly OriginalDate, string OriginalStart,
    DateOnly ProposedDate, string ProposedFrom, string ProposedTo, string Reason, int NoticeDays, RearrangeStatus Status,
    DateOnly? AgreedDate, string? AgreedStart, string? RefusalReason, string? DecidedBy, DateTime? DecidedAt, int Version)
{
    public static RearrangeDto Of(RearrangeRequest r) => new(r.Id, r.SessionId, r.RequestedByName, r.RequestedAt, r.OriginalDate, TimeText.Show(r.OriginalStart),
        r.ProposedDate, TimeText.Show(r.ProposedFrom), TimeText.Show(r.ProposedTo), r.Reason, r.NoticeDays, r.Status,
        r.AgreedDate, r.AgreedStart is { } s ? TimeText.Show(s) : null, r.RefusalReason, r.DecidedByName, r.DecidedAt, r.Version);
}

/// <summary>
/// The family's actions on their own sessions (confirm, running late, can't come, ask to move) and the worker's
/// decision on a request to move one: the same rules and answers as the pages (issue 11, item 10).
/// </summary>
public static class SessionActionEndpoints
{
    public static void MapSessionActionEndpoints(this RouteGroupBuilder api)
    {
        var family = api.MapGroup("/children/{id:guid}/sessions/{sessionId:guid}/family").WithTags("Portal");
        family.MapGet("", State).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Your own session as you see it on its page: when, where, who supervises (first name), and where confirming, running late, cancelling and moving stand. Confirmation is NotNeeded, Awaiting, Confirmed, Unconfirmed or Reinstated.");
        family.MapPost("/confirm", Confirm).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Confirm you are coming to a session still ahead. Confirming again changes nothing ('changed' false). After the deadline, while the session is ahead, it puts the session back on and tells the carer and the worker.")
            .ProducesValidationProblem().ProducesProblem(409);
        family.MapPost("/running-late", Late).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Say you are running late ('minutes', 5 to 120) until the session ends; the latest word wins and the carer and the worker are told.")
            .ProducesValidationProblem().ProducesProblem(409);
        family.MapPost("/cant-come", Cant).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Say you can't come ('reason'): the session is cancelled and the carer and the worker are told not to set off.")
            .ProducesValidationProblem().ProducesProblem(409);
        family.MapPost("/rearrange", Rearrange).ForChild(ChildOperation.ViewOwnFamilyTime)
            .WithSummary("Ask to move a session: 'proposedDate' (YYYY-MM-DD), 'proposedFrom' and 'proposedTo' (HH:mm) and 'reason'. It goes to the social worker; one request waits per session.")
            .ProducesValidationProblem();

        var staff = api.MapGroup("/children/{id:guid}/sessions/{sessionId:guid}/rearrangements/{requestId:guid}").WithTags("Sessions");
        staff.MapGet("", Get).ForChild(ChildOperation.EditPlan).WithSummary("A family's request to move a session, with the notice given in days.").ProducesProblem(403);
        staff.MapPost("/approve", Approve).ForChild(ChildOperation.EditPlan)
            .WithSummary("Approve the request: the session moves to 'date' at 'start' (default the day and earliest time asked for); the carer, the worker and the family are told.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        staff.MapPost("/refuse", Refuse).ForChild(ChildOperation.EditPlan)
            .WithSummary("Refuse the request with a 'reason' the family will read; the session stays as it was.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Results<Ok<FamilySessionView>, ProblemHttpResult>> State(Guid sessionId, ChildContext child, FamilySessionReader reader, CancellationToken ct) =>
        ApiResults.From(await reader.ReadAsync(child, sessionId, ct), view => TypedResults.Ok(view));

    private static async Task<Results<Ok<SessionActionDto>, ProblemHttpResult>> Confirm(Guid sessionId, ChildContext child, ConfirmSession confirm, CancellationToken ct) =>
        ApiResults.From(await confirm.HandleAsync(child, sessionId, ct), done => TypedResults.Ok(new SessionActionDto(done.SessionId, done.Changed)));

    private static async Task<Results<Ok<SessionActionDto>, ProblemHttpResult>> Late(Guid sessionId, RunningLateRequest body, ChildContext child, SayRunningLate late, CancellationToken ct) =>
        ApiResults.From(await late.HandleAsync(child, sessionId, body.Minutes, ct), done => TypedResults.Ok(new SessionActionDto(done.SessionId, done.Changed)));

    private static async Task<Results<Ok<SessionActionDto>, ProblemHttpResult>> Cant(Guid sessionId, CantComeRequest body, ChildContext child, CantCome cant, CancellationToken ct)
    {
        var outcome = await cant.HandleAsync(child, sessionId, body.Reason, ct);
        return ApiResults.From(Rename(outcome, "OutcomeReason", "Reason"), done => TypedResults.Ok(new SessionActionDto(done.SessionId, done.Changed)));
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Rearrange(Guid sessionId, RearrangeRequestBody body, ChildContext child, AskToRearrange ask, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var from = TimeText.Parse(body.ProposedFrom, "ProposedFrom", "proposedFrom", errors);
        var to = TimeText.Parse(body.ProposedTo, "ProposedTo", "proposedTo", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        return ApiResults.From(await ask.HandleAsync(child, sessionId, new RearrangeAsk(body.ProposedDate, from, to, body.Reason), ct),
            id => TypedResults.Created($"/api/v1/children/{child.ChildId}/sessions/{sessionId}/rearrangements/{id}", new CreatedId(id)));
    }

    private static async Task<Results<Ok<RearrangeDto>, ProblemHttpResult>> Get(Guid sessionId, Guid requestId, ChildContext child, Data.FamilyTimeDbContext db, CancellationToken ct)
    {
        var r = await db.RearrangeRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == requestId && x.SessionId == sessionId && x.ChildId == child.ChildId, ct);
        return r is null ? ApiResults.NotFound() : TypedResults.Ok(RearrangeDto.Of(r));
    }

    private static async Task<Results<Ok<RearrangeDto>, ProblemHttpResult>> Approve(Guid sessionId, Guid requestId, ApproveRearrangeBody body, ChildContext child, DecideRearrangement decide, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var start = TimeText.Parse(body.Start, "Start", "start", errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var outcome = await decide.HandleAsync(child, sessionId, new RearrangeDecision(requestId, true, body.Date, start, null, body.Version), ct);
        return ApiResults.From(Rename(outcome, "AgreedDate", "Date"), r => TypedResults.Ok(RearrangeDto.Of(r)));
    }

    private static async Task<Results<Ok<RearrangeDto>, ProblemHttpResult>> Refuse(Guid sessionId, Guid requestId, RefuseRearrangeBody body, ChildContext child, DecideRearrangement decide, CancellationToken ct)
    {
        var outcome = await decide.HandleAsync(child, sessionId, new RearrangeDecision(requestId, false, null, null, body.Reason, body.Version), ct);
        return ApiResults.From(Rename(outcome, "RefusalReason", "Reason"), r => TypedResults.Ok(RearrangeDto.Of(r)));
    }

    /// <summary>The domain's field name as the JSON body spells it.</summary>
    private static Outcome<T> Rename<T>(Outcome<T> outcome, string from, string to) =>
        outcome.Errors is { } errors && errors.ContainsKey(from)
            ? outcome with { Errors = errors.ToDictionary(e => e.Key == from ? to : e.Key, e => e.Value) }
            : outcome;
}
