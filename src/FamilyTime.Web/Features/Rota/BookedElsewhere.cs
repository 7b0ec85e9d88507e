using FamilyTime.Data;
using FamilyTime.Domain.Sessions;
using FamilyTime.Scheduling.Model;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// Times an area's rota cannot give: planned sessions of the week that it does not plan (another area's, or family time
/// the service neither supervises nor hosts) but that name one of its workers or use one of its rooms. Such a session
/// stays where it is, so its workers are not free from a turnaround before it to a turnaround after it, and its room
/// not while it lasts. Without this a rota put a worker on a session at an hour another area's session already had them.
/// </summary>
public static class BookedElsewhere
{
    /// <summary>The rooms and workers with those times taken out of their open and available hours.</summary>
    /// <param name="planned">The sessions this rota plans: they are not taken out, the rota places them.</param>
    public static async Task<(List<RotaRoom> Rooms, List<RotaWorker> Workers)> TakeOutAsync(FamilyTimeDbContext db, DateOnly weekStart,
        IReadOnlyList<RotaRoom> rooms, IReadOnlyList<RotaWorker> workers, IReadOnlySet<Guid> planned, CancellationToken ct)
    {
        var weekEnd = weekStart.AddDays(6);
        var workerIds = workers.Select(w => w.Id).ToList();
        var roomIds = rooms.Select(r => r.Id).ToList();
        var others = (await db.Sessions.AsNoTracking()
                .Where(s => s.Date >= weekStart && s.Date <= weekEnd && s.Status == SessionStatus.Planned
                    && ((s.SupervisorId != null && workerIds.Contains(s.SupervisorId)) || (s.SecondWorkerId != null && workerIds.Contains(s.SecondWorkerId))
                        || (s.DriverId != null && workerIds.Contains(s.DriverId)) || (s.RoomId != null && roomIds.Contains(s.RoomId.Value))))
                .Select(s => new { s.Id, s.Date, s.StartTime, s.DurationMinutes, s.RoomId, s.SupervisorId, s.SecondWorkerId, s.DriverId })
                .ToListAsync(ct))
            .Where(s => !planned.Contains(s.Id)).ToList();
        if (others.Count == 0)
        {
            return ([.. rooms], [.. workers]);
        }
        static (int Day, int From, int Until) When(DateOnly weekStart, DateOnly date, TimeOnly start, int minutes)
        {
            var from = RotaInputBuilder.Minutes(start);
            return (date.DayNumber - weekStart.DayNumber, from, from + minutes);
        }
        var roomsNow = rooms.Select(r =>
        {
            var open = r.Open;
            foreach (var s in others.Where(s => s.RoomId == r.Id))
            {
                var (day, from, until) = When(weekStart, s.Date, s.StartTime, s.DurationMinutes);
                open = Without(open, day, from, until);
            }
            return r with { Open = open };
        }).ToList();
        var workersNow = workers.Select(w =>
        {
            var available = w.Available;
            foreach (var s in others.Where(s => s.SupervisorId == w.Id || s.SecondWorkerId == w.Id || s.DriverId == w.Id))
            {
                var (day, from, until) = When(weekStart, s.Date, s.StartTime, s.DurationMinutes);
                available = Without(available, day, from - RotaProblem.TurnaroundMinutes, until + RotaProblem.TurnaroundMinutes);
            }
            return w with { Available = available };
        }).ToList();
        return (roomsNow, workersNow);
    }

    /// <summary>The windows less [<paramref name="from"/>, <paramref name="until"/>) on <paramref name="day"/>: a window
    /// it falls inside is split in two, one it covers goes.</summary>
    public static IReadOnlyList<DayWindow> Without(IReadOnlyList<DayWindow> windows, int day, int from, int until)
    {
        var result = new List<DayWindow>();
        foreach (var w in windows)
        {
            if (w.Day != day || w.Until <= from || until <= w.From)
            {
                result.Add(w);
                continue;
            }
            if (w.From < from)
            {
                result.Add(w with { Until = from });
            }
            if (until < w.Until)
            {
                result.Add(w with { From = until });
            }
        }
        return result;
    }
}
