using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Rota;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Rota;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>Plan an area's week: the area's id, the week ("2026-W48", or a date in it; default next week) and whether a published week may move more than 1 in 20 sessions.</summary>
public sealed record StartRotaRunBody(Guid? AreaId, string? Week, bool AllowMoreChanges);

/// <summary>Pin one session: any of room, start ("HH:mm") and worker ids; what is left out stays free for the plan.</summary>
public sealed record RotaPinBody(Guid? RoomId, string? Start, IReadOnlyList<string>? WorkerIds);

/// <summary>A run of the rota: where it stands, its progress and, once done, its plan. Staff only (it names workers).</summary>
public sealed record RotaRunDto(Guid Id, Guid AreaId, string Week, RotaRunStatus Status, bool AlreadyUnderWay, double ElapsedSeconds, int? Placed, int? Sessions,
    long? Objective, long? Bound, double Closeness, string? Error, DateTime RequestedAt, DateTime? FinishedAt, DateTime? PublishedAt,
    IReadOnlyList<RotaAssignmentDto>? Assignments, IReadOnlyList<UnplacedSession>? Unplaced)
{
    public static RotaRunDto Of(RotaRun r, bool alreadyUnderWay = false)
    {
        var plan = RotaResultJson.Read(r.ResultJson);
        return new(r.Id, r.AreaId, RotaWeek.Name(r.WeekStart), r.Status, alreadyUnderWay, r.ElapsedSeconds, r.Placed, r.SessionCount, r.Objective, r.Bound, r.Closeness, r.Error,
            r.RequestedAt, r.FinishedAt, r.PublishedAt,
            plan?.Plan?.Assignments.Select(a => RotaAssignmentDto.Of(a, plan)).ToList(), plan?.Plan?.Unplaced);
    }
}

/// <summary>A placed session: its day, room, start ("HH:mm"), workers, why, and what it was before.</summary>
public sealed record RotaAssignmentDto(Guid SessionId, DateOnly? Date, Guid? RoomId, string Start, IReadOnlyList<string> WorkerIds, IReadOnlyList<string> Reasons,
    Guid? RoomBefore, string? StartBefore, IReadOnlyList<string>? WorkerIdsBefore)
{
    public static RotaAssignmentDto Of(RotaAssignment a, RotaRunResult result)
    {
        var before = result.InfoOf(a.SessionId);
        return new(a.SessionId, before?.Date, a.RoomId, RotaOverrideCheck.Clock(a.Start), a.WorkerIds, a.Reasons, before?.RoomId,
            before is null ? null : RotaOverrideCheck.Clock(before.Start), before?.WorkerIds);
    }
}

/// <summary>A coordinator's pin of one session.</summary>
public sealed record RotaPinDto(Guid SessionId, Guid? RoomId, string? Start, IReadOnlyList<string> WorkerIds, DateTime PinnedAt);

/// <summary>What publishing did.</summary>
public sealed record RotaPublishedDto(int Changed, int Moved, IReadOnlyList<SkippedSession> Skipped);

/// <summary>The coordinator's rota as JSON: the same rules and answers as /Rota.</summary>
public static class RotaEndpoints
{
    public static void MapRotaEndpoints(this RouteGroupBuilder api)
    {
        var rota = api.MapGroup("/rota").WithTags("Rota");
        rota.MapPost("/runs", Start).StaffOnly(Roles.ContactCoordinator)
            .WithSummary("Plan an area's week in the background ('areaId', 'week' like 2026-W48, 'allowMoreChanges'). Answers 202 with the run; while the week is already being planned, answers that run ('alreadyUnderWay' true), never a second one.")
            .ProducesValidationProblem().ProducesProblem(403);
        rota.MapGet("/runs/{runId:guid}", Get).StaffOnly(RotaAccess.Readers)
            .WithSummary("A run: status (Queued, Running, Done, Failed, Published), progress (seconds, sessions placed, how close to the best possible) and, once done, the plan: each session's room, start, workers and reasons beside what it was before, and the sessions not placed with why.");
        rota.MapGet("/runs/{runId:guid}/pins", Pins).StaffOnly(RotaAccess.Readers)
            .WithSummary("The pins of the run's week.");
        rota.MapPut("/runs/{runId:guid}/pins/{sessionId:guid}", Pin).StaffOnly(Roles.ContactCoordinator)
            .WithSummary("Pin (or change) a session of the run's week: 'roomId', 'start' (HH:mm), 'workerIds'. Checked against the session's window, the room's features, size and hours, and the workers' skills, language and hours; every later run keeps it.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        rota.MapDelete("/pins/{sessionId:guid}", Unpin).StaffOnly(Roles.ContactCoordinator)
            .WithSummary("Take a session's pin off.");
        rota.MapPost("/runs/{runId:guid}/publish", Publish).StaffOnly(Roles.ContactCoordinator)
            .WithSummary("Publish a finished run: changed sessions get their room, start and workers in one transaction; a session changed meanwhile is skipped and listed; moved sessions' carers and families are told.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
    }

    private static async Task<Results<Accepted<RotaRunDto>, ProblemHttpResult>> Start(StartRotaRunBody body, ClaimsPrincipal user, StartRotaRun start, RotaReader reader, TimeProvider clock, CancellationToken ct)
    {
        var week = string.IsNullOrWhiteSpace(body.Week) ? RotaWeek.Next(clock.Today()) : RotaWeek.Parse(body.Week);
        if (week is not { } monday)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["week"] = ["Give the week like 2026-W48, or a date in it like 2026-11-23"] });
        }
        var outcome = await start.HandleAsync(user.Scope(), body.AreaId ?? user.Scope().AreaId ?? Guid.Empty, monday, body.AllowMoreChanges, ct);
        return await ApiResults.FromAsync(outcome, async started =>
        {
            var run = await reader.RunAsync(started.RunId, ct);
            return TypedResults.Accepted($"/api/v1/rota/runs/{run!.Id}", RotaRunDto.Of(run, started.AlreadyUnderWay));
        });
    }

    private static async Task<Results<Ok<RotaRunDto>, ProblemHttpResult>> Get(Guid runId, RotaReader reader, CancellationToken ct) =>
        await reader.RunAsync(runId, ct) is { } run ? TypedResults.Ok(RotaRunDto.Of(run)) : ApiResults.NotFound();

    private static async Task<Results<Ok<List<RotaPinDto>>, ProblemHttpResult>> Pins(Guid runId, RotaReader reader, CancellationToken ct)
    {
        if (await reader.RunAsync(runId, ct) is not { } run || await reader.WeekAsync(run.AreaId, run.WeekStart, ct) is not { } week)
        {
            return ApiResults.NotFound();
        }
        return TypedResults.Ok(week.Pins.Values.OrderBy(p => p.PinnedAt).Select(Dto).ToList());
    }

    private static async Task<Results<Ok<RotaPinDto>, ProblemHttpResult>> Pin(Guid runId, Guid sessionId, RotaPinBody body, ClaimsPrincipal user, PinRotaSession pins, CancellationToken ct) =>
        ApiResults.From(await pins.HandleAsync(user.Scope(), new PinCommand(runId, sessionId, body.RoomId, body.Start, body.WorkerIds ?? []), ct), pin => TypedResults.Ok(Dto(pin)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Unpin(Guid sessionId, ClaimsPrincipal user, PinRotaSession pins, CancellationToken ct) =>
        ApiResults.From(await pins.UnpinAsync(user.Scope(), sessionId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<RotaPublishedDto>, ProblemHttpResult>> Publish(Guid runId, ClaimsPrincipal user, PublishRota publish, CancellationToken ct) =>
        ApiResults.From(await publish.HandleAsync(user.Scope(), user.UserName(), runId, ct), done => TypedResults.Ok(new RotaPublishedDto(done.Changed, done.Moved, done.Skipped)));

    private static RotaPinDto Dto(Domain.Rota.RotaPin p) =>
        new(p.SessionId, p.RoomId, p.Start?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.WorkerIds, p.PinnedAt);
}
