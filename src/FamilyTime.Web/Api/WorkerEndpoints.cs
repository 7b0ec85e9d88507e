using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.SessionActions;
using FamilyTime.Web.Features.Workers;
using FamilyTime.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>A weekday's working hours ("HH:mm").</summary>
public sealed record WorkingHoursDto(DayOfWeek Day, string From, string Until);

/// <summary>A worker's profile to save: area, pattern (one entry per working day), languages, car, most hours a week, office postcode, trained to assess, and the version (0 the first time).</summary>
public sealed record WorkerProfileBody(Guid? AreaId, IReadOnlyList<WorkingHoursDto>? Pattern, IReadOnlyList<string>? Languages, bool Driver, int? MaxHoursPerWeek,
    string? BasePostcode, bool TrainedToAssess, int? Version);

/// <summary>A worker's profile as kept (pattern, languages, car, hours, office postcode, trained to assess), its version for the next save, and their leave still to come.</summary>
public sealed record WorkerDto(string UserId, string Name, bool TrainedToAssess, Guid? AreaId, IReadOnlyList<WorkingHoursDto> Pattern, IReadOnlyList<string> Languages,
    bool Driver, int? MaxHoursPerWeek, string? BasePostcode, int Version, IReadOnlyList<LeaveDto> UpcomingLeave);

/// <summary>A period of a worker's leave: 'from' and 'until' inclusive, and why.</summary>
public sealed record LeaveDto(Guid Id, DateOnly From, DateOnly Until, string Reason);

/// <summary>A period of leave: 'from' and 'until' (inclusive, YYYY-MM-DD) and 'reason' (Annual leave, Training or Sickness).</summary>
public sealed record LeaveBody(DateOnly? From, DateOnly? Until, string? Reason);

public static class WorkerEndpoints
{
    private static readonly string[] Keepers = [Roles.Administrator, Roles.ContactCoordinator, Roles.TeamManager];

    public static void MapWorkerEndpoints(this RouteGroupBuilder api)
    {
        var workers = api.MapGroup("/workers").WithTags("Workers");
        workers.MapGet("", List).StaffOnly(Keepers)
            .WithSummary("The workers who supervise family time, optionally of one 'areaId': area, pattern in a line, languages, car, trained to assess, hours booked this week.");
        workers.MapGet("/{userId}", Get).StaffOnly(Keepers).WithSummary("One worker's profile and leave still to come.");
        workers.MapPut("/{userId}", Put).StaffOnly(Keepers)
            .WithSummary("Save a worker's profile and whether they are trained for assessed family time; 409 when it changed since 'version'.")
            .ProducesValidationProblem().ProducesProblem(409);
        workers.MapPost("/{userId}/leave", AddLeave).StaffOnly(Keepers)
            .WithSummary("Add a period of leave; it may not overlap leave already entered (so a retried request adds it once).").ProducesValidationProblem();
        workers.MapDelete("/{userId}/leave/{leaveId:guid}", RemoveLeave).StaffOnly(Keepers).WithSummary("Remove a period of leave.");
    }

    private static async Task<Ok<IReadOnlyList<WorkerRow>>> List(Guid? areaId, WorkerDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.ListAsync(areaId, ct));

    private static async Task<Results<Ok<WorkerDto>, ProblemHttpResult>> Get(string userId, WorkerDirectory directory, CancellationToken ct) =>
        await directory.OneAsync(userId, ct) is { } w ? TypedResults.Ok(Dto(w)) : ApiResults.NotFound();

    private static async Task<Results<Ok<WorkerDto>, ProblemHttpResult>> Put(string userId, WorkerProfileBody body, ClaimsPrincipal user, SaveWorkerProfile save, WorkerDirectory directory, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var pattern = new List<WorkingHours>();
        foreach (var h in body.Pattern ?? [])
        {
            var from = TimeText.Parse(h.From, "Pattern", "from", errors);
            var until = TimeText.Parse(h.Until, "Pattern", "until", errors);
            if (from is { } f && until is { } u)
            {
                pattern.Add(new WorkingHours(h.Day, f, u));
            }
        }
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors.ByField);
        }
        var details = new WorkerProfileDetails(body.AreaId, pattern, string.Join(", ", body.Languages ?? []), body.Driver, body.MaxHoursPerWeek, body.BasePostcode);
        var outcome = await save.HandleAsync(user.Scope().UserId, user.UserName(), new SaveWorkerCommand(userId, details, body.TrainedToAssess, body.Version), ct);
        return await ApiResults.FromAsync(outcome, async _ => TypedResults.Ok(Dto((await directory.OneAsync(userId, ct))!)));
    }

    private static async Task<Results<Created<LeaveDto>, ProblemHttpResult>> AddLeave(string userId, LeaveBody body, ClaimsPrincipal user, ChangeLeave leave, CancellationToken ct) =>
        ApiResults.From(await leave.AddAsync(user.Scope().UserId, user.UserName(), userId, body.From, body.Until, body.Reason, ct),
            l => TypedResults.Created($"/api/v1/workers/{userId}/leave/{l.Id}", new LeaveDto(l.Id, l.From, l.Until, l.Reason)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveLeave(string userId, Guid leaveId, ClaimsPrincipal user, ChangeLeave leave, CancellationToken ct) =>
        ApiResults.From(await leave.RemoveAsync(user.Scope().UserId, user.UserName(), userId, leaveId, ct), _ => TypedResults.NoContent());

    private static WorkerDto Dto(WorkerPage w) => new(w.UserId, w.Name, w.TrainedToAssess, w.Profile?.AreaId,
        w.Profile?.Pattern.Select(h => new WorkingHoursDto(h.Day, TimeText.Show(h.From), TimeText.Show(h.Until))).ToList() ?? [],
        w.Profile?.Languages ?? [], w.Profile?.IsDriver ?? false, w.Profile?.MaxHoursPerWeek, w.Profile?.BasePostcode, w.Profile?.Version ?? 0,
        w.UpcomingLeave.Select(l => new LeaveDto(l.Id, l.From, l.Until, l.Reason)).ToList());
}
