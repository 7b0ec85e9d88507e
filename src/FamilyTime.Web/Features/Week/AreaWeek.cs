using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Weeks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Week;

/// <summary>An area that can be chosen.</summary>
public sealed record AreaChoice(Guid Id, string Name);

/// <summary>One room's row of the week: its venue, and the sessions in it day by day.</summary>
public sealed record RoomRow(Guid VenueId, string Venue, Guid RoomId, string Room, IReadOnlyDictionary<DateOnly, IReadOnlyList<WeekSession>> Days);

/// <summary>One worker's row of the week: what they do each day, their hours each day and in all, and the most they work.</summary>
public sealed record WorkerRow(string UserId, string Name, IReadOnlyDictionary<DateOnly, IReadOnlyList<WeekSession>> Days,
    IReadOnlyDictionary<DateOnly, int> MinutesByDay, int TotalMinutes, int? MaxHoursPerWeek)
{
    public bool OverHours => MaxHoursPerWeek is { } most && TotalMinutes > most * 60;
}

/// <summary>An area's week laid out by room and by worker, and what is not yet booked.</summary>
public sealed record AreaWeekView(AreaChoice Area, IsoWeek Week, IReadOnlyList<RoomRow> Rooms, IReadOnlyList<WorkerRow> Workers,
    IReadOnlyList<WeekSession> NotBooked, IReadOnlyList<WeekSession> Sessions, IReadOnlyList<AreaChoice> Choices);

/// <summary>
/// A coordinator's week of one area: every room of the area's open venues (and any other room its sessions use),
/// every worker on the area's rota or working one of its sessions, with their hours, and the sessions with no room
/// or no one to run them. A coordinator reads their own area; a team manager or head of service any area.
/// </summary>
public sealed class AreaWeek(FamilyTimeDbContext db, WeekSessions sessions)
{
    public const string OtherAreaRefusal = "A family time coordinator sees the week of their own area only.";

    /// <summary>Whether this person may read any area's week, not only their own.</summary>
    public static bool ReadsAnyArea(UserScope user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Is(Roles.TeamManager) || user.Is(Roles.HeadOfService);
    }

    /// <summary>The areas this person may choose between: all for a manager, their own for a coordinator.</summary>
    public async Task<IReadOnlyList<AreaChoice>> ChoicesAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var areas = db.Areas.AsNoTracking();
        if (!ReadsAnyArea(user))
        {
            var own = user.AreaId;
            areas = areas.Where(a => a.Id == own);
        }
        return await areas.OrderBy(a => a.Name).Select(a => new AreaChoice(a.Id, a.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// The area shown when none is asked for: the person's own area, else their team's, else the first by name.
    /// Null when the person has none they may read.
    /// </summary>
    public static AreaChoice? DefaultArea(UserScope user, IReadOnlyList<AreaChoice> choices, Guid? teamArea)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(choices);
        return choices.FirstOrDefault(a => a.Id == user.AreaId) ?? choices.FirstOrDefault(a => a.Id == teamArea) ?? (choices.Count > 0 ? choices[0] : null);
    }

    public async Task<Outcome<AreaWeekView>> ReadAsync(UserScope user, Guid? areaId, IsoWeek week, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var choices = await ChoicesAsync(user, ct);
        AreaChoice? area;
        if (areaId is { } asked)
        {
            area = choices.FirstOrDefault(a => a.Id == asked);
            if (area is null)
            {
                // A coordinator asking for another area is told why; an area that does not exist is not found.
                var exists = await db.Areas.AnyAsync(a => a.Id == asked, ct);
                return exists ? Outcome<AreaWeekView>.Forbidden(OtherAreaRefusal) : Outcome<AreaWeekView>.NotFound();
            }
        }
        else
        {
            var teamArea = user.TeamId is { } team && !choices.Any(a => a.Id == user.AreaId)
                ? await db.Teams.Where(t => t.Id == team).Select(t => (Guid?)t.AreaId).FirstOrDefaultAsync(ct)
                : null;
            area = DefaultArea(user, choices, teamArea);
            if (area is null)
            {
                return Outcome<AreaWeekView>.Forbidden("You are not linked to an area yet. Ask an administrator to add you to one.");
            }
        }

        var list = await sessions.ForAreaAsync(area.Id, week.Monday, week.Sunday, ct);
        var areaRooms = await db.Rooms.AsNoTracking()
            .Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => new { r.Id, Room = r.Name, VenueId = v.Id, Venue = v.Name, v.AreaId, v.IsOpen })
            .Where(x => x.AreaId == area.Id && x.IsOpen)
            .ToListAsync(ct);
        var onRota = await db.WorkerProfiles.AsNoTracking().Where(p => p.AreaId == area.Id)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { u.Id, u.DisplayName, p.MaxHoursPerWeek })
            .ToListAsync(ct);

        var rooms = areaRooms.Select(r => (r.VenueId, r.Venue, RoomId: r.Id, r.Room))
            .Concat(list.Where(s => s.RoomId is not null && s.VenueId is not null).Select(s => (VenueId: s.VenueId!.Value, Venue: s.Venue ?? "", RoomId: s.RoomId!.Value, Room: s.Room ?? "")))
            .DistinctBy(r => r.RoomId)
            .OrderBy(r => r.Venue, StringComparer.Ordinal).ThenBy(r => r.Room, StringComparer.Ordinal)
            .Select(r => new RoomRow(r.VenueId, r.Venue, r.RoomId, r.Room, ByDay(week, list.Where(s => s.RoomId == r.RoomId))))
            .ToList();

        var stints = list.SelectMany(s => s.Stints()).ToList();
        var byDay = WorkerHours.ByDay(stints);
        var totals = WorkerHours.Total(stints);
        var names = list.SelectMany(s => new[] { (s.SupervisorId, s.Supervisor), (s.SecondWorkerId, s.SecondWorker), (s.DriverId, s.Driver) })
            .Where(w => w.Item1 is not null).Select(w => (Id: w.Item1!, Name: w.Item2 ?? ""))
            .Concat(onRota.Select(w => (w.Id, Name: w.DisplayName)))
            .DistinctBy(w => w.Id);
        var max = onRota.ToDictionary(w => w.Id, w => w.MaxHoursPerWeek, StringComparer.Ordinal);
        var workers = names
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => new WorkerRow(w.Id, w.Name, ByDay(week, list.Where(s => s.PartOf(w.Id) is not null)),
                week.Days.ToDictionary(d => d, d => byDay.TryGetValue((w.Id, d), out var m) ? m : 0),
                totals.TryGetValue(w.Id, out var total) ? total : 0,
                max.TryGetValue(w.Id, out var most) ? most : null))
            .ToList();
        return Outcome<AreaWeekView>.Ok(new AreaWeekView(area, week, rooms, workers, list.Where(s => s.NotBooked).ToList(), list, choices));
    }

    private static IReadOnlyDictionary<DateOnly, IReadOnlyList<WeekSession>> ByDay(IsoWeek week, IEnumerable<WeekSession> sessions)
    {
        var here = sessions.ToList();
        return week.Days.ToDictionary(d => d, d => (IReadOnlyList<WeekSession>)here.Where(s => s.Date == d).ToList());
    }
}
