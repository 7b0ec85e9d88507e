using FamilyTime.Scheduling.Model;

namespace FamilyTime.IntegrationTests.Rota;

/// <summary>
/// TESTS ONLY — never the product's solver. A small deterministic first-fit planner, so the web side of the rota
/// (building, running, pinning, publishing) is tested without the CP-SAT optimiser: pinned sessions first, keeping
/// every part the pin gives; then each session at the first start (quarter-hours) where a room and the workers are
/// free, the previous supervisor tried first. It keeps rules 1–5, 8 and 9 and a simple form of 6 (turnaround, no
/// travel); the real optimiser is judged by the bench's independent checker.
/// </summary>
public sealed class TestRotaPlanner : IRotaSolver
{
    public RotaPlan Solve(RotaProblem problem, IProgress<RotaProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var pins = problem.Pins.ToDictionary(p => p.SessionId);
        var booked = new List<(RotaSession S, Guid? Room, int Start, IReadOnlyList<string> Workers)>();
        var placed = new List<RotaAssignment>();
        var unplaced = new List<UnplacedSession>();
        foreach (var s in problem.Sessions.OrderBy(s => pins.ContainsKey(s.Id) ? 0 : 1).ThenBy(s => s.Day).ThenBy(s => s.EarliestStart).ThenBy(s => s.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pin = pins.GetValueOrDefault(s.Id);
            var found = false;
            var starts = pin?.Start is { } fixedStart ? [fixedStart] : Enumerable.Range(0, (s.LatestStart - s.EarliestStart) / 15 + 1).Select(i => s.EarliestStart + 15 * i).ToArray();
            foreach (var start in starts)
            {
                var end = start + s.Duration;
                if (start < s.EarliestStart || start > s.LatestStart || booked.Any(b => b.S.Day == s.Day && Overlaps(b.Start, b.S.Duration, start, s.Duration)
                        && (b.S.ChildId == s.ChildId || b.S.ParentIds.Intersect(s.ParentIds).Any())))
                {
                    continue;
                }
                Guid? room = null;
                if (s.NeedsRoom)
                {
                    room = problem.Rooms.Where(r => pin?.RoomId is null || r.Id == pin.RoomId)
                        .Where(r => (r.Features & s.RoomNeeds) == s.RoomNeeds && r.Capacity >= s.People && (s.FixedVenueId is null || r.VenueId == s.FixedVenueId)
                            && r.Open.Any(w => w.Holds(s.Day, start, end))
                            && !booked.Any(b => b.Room == r.Id && b.S.Day == s.Day && Overlaps(b.Start, b.S.Duration, start, s.Duration)))
                        .Select(r => (Guid?)r.Id).FirstOrDefault();
                    if (room is null)
                    {
                        continue;
                    }
                }
                bool Free(RotaWorker w) => (w.Skills & s.SkillsNeeded) == s.SkillsNeeded && w.Available.Any(a => a.Holds(s.Day, start, end))
                    && !booked.Any(b => b.Workers.Contains(w.Id) && b.S.Day == s.Day
                        && start < b.Start + b.S.Duration + RotaProblem.TurnaroundMinutes && b.Start < end + RotaProblem.TurnaroundMinutes);
                IReadOnlyList<string>? workers;
                if (pin?.WorkerIds is { } pinned)
                {
                    workers = pinned.All(id => problem.Workers.FirstOrDefault(w => w.Id == id) is { } w && Free(w)) ? pinned : null;
                }
                else
                {
                    var chosen = problem.Workers.Where(Free).OrderBy(w => w.Id == s.PreviousSupervisorId ? 0 : 1).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
                    if (s.Language is { } language)
                    {
                        chosen = chosen.OrderBy(w => w.Languages.Contains(language) ? 0 : 1).ToList();
                    }
                    workers = chosen.Count >= s.WorkersNeeded ? chosen.Take(s.WorkersNeeded).Select(w => w.Id).ToList() : null;
                    if (workers is not null && s.Language is { } lang && s.WorkersNeeded > 0
                        && !workers.Any(id => problem.Workers.First(w => w.Id == id).Languages.Contains(lang)))
                    {
                        workers = null;
                    }
                }
                if (workers is null)
                {
                    continue;
                }
                var reasons = new List<string>();
                if (pin is not null)
                {
                    reasons.Add("Pinned");
                }
                if (s.PreviousSupervisorId is { } previous && workers.Contains(previous))
                {
                    reasons.Add("Same supervisor as last time");
                }
                booked.Add((s, room, start, workers));
                placed.Add(new RotaAssignment(s.Id, room, start, workers, reasons));
                found = true;
                break;
            }
            if (!found)
            {
                unplaced.Add(new UnplacedSession(s.Id, pin is null ? "No room and worker free together in the session’s window" : "The pin cannot be kept: its room, time or workers are taken or closed"));
            }
        }
        var withPrevious = placed.Where(a => problem.Sessions.First(s => s.Id == a.SessionId) is { PreviousSupervisorId: not null, WorkersNeeded: > 0 }).ToList();
        var kept = withPrevious.Count(a => a.WorkerIds.Contains(problem.Sessions.First(s => s.Id == a.SessionId).PreviousSupervisorId!));
        var published = problem.Published.ToDictionary(p => p.SessionId);
        var moved = placed.Count(a => published.TryGetValue(a.SessionId, out var p) && (p.RoomId != a.RoomId || p.Start != a.Start || !p.WorkerIds.SequenceEqual(a.WorkerIds)))
            + unplaced.Count(u => published.ContainsKey(u.SessionId));
        var objective = (long)problem.Weights.Unplaced * unplaced.Count + (long)problem.Weights.NotSameSupervisor * (withPrevious.Count - kept);
        progress?.Report(new RotaProgress(TimeSpan.Zero, objective, 0, placed.Count));
        return new RotaPlan(placed, unplaced, new RotaStats("test planner", "Feasible", objective, 0, objective == 0 ? 0 : 1, TimeSpan.Zero,
            placed.Count, unplaced.Count, moved, withPrevious.Count == 0 ? 0 : (double)kept / withPrevious.Count, 0));
    }

    private static bool Overlaps(int aStart, int aDuration, int bStart, int bDuration) => aStart < bStart + bDuration && bStart < aStart + aDuration;
}
