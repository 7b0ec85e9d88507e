using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Generation;

/// <summary>
/// The week after the rota was published: a few workers off sick for a day, a room out of use, and the coordinator
/// re-plans with the published plan as <see cref="RotaProblem.Published"/> (rule 10: few moves). Seeded like the
/// generator, so the same week, plan and seed give the same disruption.
/// </summary>
public static class WeekDisruption
{
    /// <param name="problem">The week as it was planned.</param>
    /// <param name="published">The plan that was published (its assignments become <see cref="RotaProblem.Published"/>).</param>
    /// <param name="seed">Seeds who falls ill and which room closes.</param>
    /// <param name="workerShare">The share of workers off for one day on which they had sessions (at least one).</param>
    /// <param name="roomsClosed">Rooms out of use for one day on which they had bookings.</param>
    public static RotaProblem Disrupt(RotaProblem problem, RotaPlan published, int seed, double workerShare = 0.03, int roomsClosed = 1)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(published);
        var random = new Random(seed);
        var sessions = problem.Sessions.ToDictionary(s => s.Id);
        var busyDays = (Func<RotaAssignment, bool> uses) => published.Assignments.Where(uses)
            .Select(a => sessions.TryGetValue(a.SessionId, out var s) ? s.Day : -1).Where(d => d >= 0).Distinct().Order().ToList();

        var workers = problem.Workers.ToList();
        var ill = Math.Max(1, (int)Math.Round(workerShare * workers.Count));
        var candidates = Enumerable.Range(0, workers.Count).Where(i => busyDays(a => a.WorkerIds.Contains(workers[i].Id, StringComparer.Ordinal)).Count > 0).ToList();
        for (var k = 0; k < ill && candidates.Count > 0; k++)
        {
            var pick = random.Next(candidates.Count);
            var i = candidates[pick];
            candidates.RemoveAt(pick);
            var days = busyDays(a => a.WorkerIds.Contains(workers[i].Id, StringComparer.Ordinal));
            var day = days[random.Next(days.Count)];
            workers[i] = workers[i] with { Available = workers[i].Available.Where(w => w.Day != day).ToList() };
        }

        var rooms = problem.Rooms.ToList();
        var booked = Enumerable.Range(0, rooms.Count).Where(i => busyDays(a => a.RoomId == rooms[i].Id).Count > 0).ToList();
        for (var k = 0; k < roomsClosed && booked.Count > 0; k++)
        {
            var pick = random.Next(booked.Count);
            var i = booked[pick];
            booked.RemoveAt(pick);
            var days = busyDays(a => a.RoomId == rooms[i].Id);
            var day = days[random.Next(days.Count)];
            rooms[i] = rooms[i] with { Open = rooms[i].Open.Where(w => w.Day != day).ToList() };
        }

        return problem with { Workers = workers, Rooms = rooms, Published = published.Assignments, Pins = [] };
    }
}
