using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Weeks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Week;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>One session in a week view, for staff. The worker's own part is given on their own week only.</summary>
public sealed record WeekSessionDto(
    Guid Id, Guid ChildId, string Child, DateOnly Date, TimeOnly Start, TimeOnly End, SessionStatus Status,
    Guid? VenueId, string? Venue, Guid? RoomId, string? Room,
    string? SupervisorId, string? Supervisor, string? SecondWorkerId, string? SecondWorker, string? DriverId, string? Driver,
    string? Interpreter, string? Transport, IReadOnlyList<string> Coming, ConfirmationState Confirmation, int? RunningLateMinutes,
    bool AwaitsRecord, bool RecordOverdue, bool NotBooked, WorkerPart? YourPart)
{
    public static WeekSessionDto From(WeekSession s, string? workerId = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.ChildId, s.Child, s.Date, s.Start, s.End, s.Status, s.VenueId, s.Venue, s.RoomId, s.Room,
            s.SupervisorId, s.Supervisor, s.SecondWorkerId, s.SecondWorker, s.DriverId, s.Driver, s.Interpreter, s.Transport, s.Coming,
            s.Confirmation, s.RunningLateMinutes, s.AwaitsRecord, s.RecordOverdue, s.NotBooked, workerId is null ? null : s.PartOf(workerId));
    }
}

/// <summary>A record still to write: the session, its child, its day and time, and whether it is overdue.</summary>
public sealed record RecordToWriteDto(Guid SessionId, Guid ChildId, string Child, DateOnly Date, TimeOnly Start, bool Overdue, string WriteUrl);

/// <summary>A person's week: its Monday and Sunday, and the sessions in time order.</summary>
public sealed record WeekDto(DateOnly Monday, DateOnly Sunday, IReadOnlyList<WeekSessionDto> Sessions, IReadOnlyList<RecordToWriteDto>? RecordsToWrite = null);

/// <summary>One room's sessions in an area's week (their ids, in time order).</summary>
public sealed record RoomWeekDto(Guid VenueId, string Venue, Guid RoomId, string Room, IReadOnlyList<Guid> SessionIds);

/// <summary>One worker's week in an area: their sessions, minutes worked per day (Monday first) and in all, and the most hours they work.</summary>
public sealed record WorkerWeekDto(string UserId, string Name, IReadOnlyList<Guid> SessionIds, IReadOnlyList<int> MinutesByDay, int TotalMinutes, int? MaxHoursPerWeek, bool OverHours);

/// <summary>An area's week: its sessions, laid out by room and by worker, and the ids of those not yet booked.</summary>
public sealed record AreaWeekDto(Guid AreaId, string Area, DateOnly Monday, DateOnly Sunday, IReadOnlyList<WeekSessionDto> Sessions,
    IReadOnlyList<RoomWeekDto> Rooms, IReadOnlyList<WorkerWeekDto> Workers, IReadOnlyList<Guid> NotBooked);

public static class WeekEndpoints
{
    private const string WeekHelp = "'week' is any day of the week as YYYY-MM-DD (its Monday names it) or an ISO week such as 2026-W48; without it, this week. A week that cannot be read is answered 400.";

    public static void MapWeekEndpoints(this RouteGroupBuilder api)
    {
        var week = api.MapGroup("/week").WithTags("Week");
        week.MapGet("/mine", Mine).StaffOnly(Roles.ContactWorker).ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("A contact worker's week: the sessions they supervise, are second worker at or drive for, in time order, and the records they still have to write. " + WeekHelp);
        week.MapGet("/children", Children).StaffOnly(Roles.SocialWorker).ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("A social worker's week: the family time of every child they are allocated, in time order. " + WeekHelp);
        week.MapGet("/area", Area).StaffOnly(Roles.ContactCoordinator, Roles.TeamManager, Roles.HeadOfService).ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("An area's week by room and by worker (minutes per day and in the week), and the sessions not yet booked (on the booking page or by a published rota). 'area' is the area's id: a coordinator's own by default (another area is refused 403); a team manager or head of service may ask for any. " + WeekHelp);
    }

    private static ProblemHttpResult? Invalid(string? week, TimeProvider clock, out IsoWeek chosen)
    {
        var choice = IsoWeek.Parse(week, clock.Today());
        chosen = choice.Week;
        return choice.Problem is { } problem ? ApiResults.Invalid(new Dictionary<string, string[]> { ["Week"] = [problem.Replace(" Showing this week instead.", "", StringComparison.Ordinal)] }) : null;
    }

    private static async Task<Results<Ok<WeekDto>, ProblemHttpResult>> Mine(string? week, ClaimsPrincipal user, WeekSessions sessions, TimeProvider clock, CancellationToken ct)
    {
        if (Invalid(week, clock, out var w) is { } bad)
        {
            return bad;
        }
        var me = user.Scope().UserId;
        var list = await sessions.ForWorkerAsync(me, w.Monday, w.Sunday, ct);
        var toWrite = await sessions.RecordsToWriteAsync(me, ct);
        return TypedResults.Ok(new WeekDto(w.Monday, w.Sunday, list.Select(s => WeekSessionDto.From(s, me)).ToList(),
            toWrite.Select(r => new RecordToWriteDto(r.SessionId, r.ChildId, r.Child, r.Date, r.Start, r.Overdue, ChildLinks.WriteRecord(r.ChildId, r.SessionId))).ToList()));
    }

    private static async Task<Results<Ok<WeekDto>, ProblemHttpResult>> Children(string? week, ClaimsPrincipal user, WeekSessions sessions, TimeProvider clock, CancellationToken ct)
    {
        if (Invalid(week, clock, out var w) is { } bad)
        {
            return bad;
        }
        var list = await sessions.ForSocialWorkerAsync(user.Scope().UserId, w.Monday, w.Sunday, ct);
        return TypedResults.Ok(new WeekDto(w.Monday, w.Sunday, list.Select(s => WeekSessionDto.From(s)).ToList()));
    }

    private static async Task<Results<Ok<AreaWeekDto>, ProblemHttpResult>> Area(string? week, string? area, ClaimsPrincipal user, AreaWeek areaWeek, TimeProvider clock, CancellationToken ct)
    {
        if (Invalid(week, clock, out var w) is { } bad)
        {
            return bad;
        }
        Guid? areaId = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            if (!Guid.TryParse(area, out var id))
            {
                return ApiResults.Invalid(new Dictionary<string, string[]> { ["Area"] = ["Give the area's id"] });
            }
            areaId = id;
        }
        return ApiResults.From(await areaWeek.ReadAsync(user.Scope(), areaId, w, ct), v => TypedResults.Ok(new AreaWeekDto(v.Area.Id, v.Area.Name, v.Week.Monday, v.Week.Sunday,
            v.Sessions.Select(s => WeekSessionDto.From(s)).ToList(),
            v.Rooms.Select(r => new RoomWeekDto(r.VenueId, r.Venue, r.RoomId, r.Room, r.Days.OrderBy(d => d.Key).SelectMany(d => d.Value).Select(s => s.Id).ToList())).ToList(),
            v.Workers.Select(x => new WorkerWeekDto(x.UserId, x.Name, x.Days.OrderBy(d => d.Key).SelectMany(d => d.Value).Select(s => s.Id).ToList(),
                v.Week.Days.Select(d => x.MinutesByDay[d]).ToList(), x.TotalMinutes, x.MaxHoursPerWeek, x.OverHours)).ToList(),
            v.NotBooked.Select(s => s.Id).ToList())));
    }
}
