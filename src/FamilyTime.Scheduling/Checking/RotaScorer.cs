using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Checking;

/// <summary>A plan's soft aims counted from the plan itself (README "Soft aims" and "Figures").</summary>
/// <param name="Objective">The weighted sum of the parts below.</param>
public sealed record RotaScore(
    long Objective,
    int Unplaced,
    int NotSameSupervisor,
    int InfantJourneyMinutes,
    int SiblingsApart,
    int WorkloadSpreadHours,
    int Moved,
    double SameSupervisorRate);

/// <summary>
/// Scores a plan against the soft aims independently of the planner that made it, so the benchmark can set every
/// planner's own <c>Stats.Objective</c> beside the same count, and the greedy baseline reports its objective.
/// </summary>
/// <remarks>
/// Readings where the README leaves a choice: a session with a <c>TogetherKey</c> is apart when its key has another
/// session on its day and not all of them are placed jointly (same room or none, start and worker set) with it, an
/// unplaced one included; a worker's hours are whole hours (minutes / 60, rounded down) of placed minutes, a joint
/// meeting counted once; "available" workers are those with any window this week; a published session is moved when
/// it is now unplaced or has another room, start or worker set, unless its published assignment now breaks rule 2, 3
/// or 5 on its own (the checker's rule 10).
/// </remarks>
public static class RotaScorer
{
    public static RotaScore Score(RotaProblem problem, RotaPlan plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var sessions = problem.Sessions.ToDictionary(s => s.Id);
        var rooms = problem.Rooms.ToDictionary(r => r.Id);
        var placed = plan.Assignments.Where(a => sessions.ContainsKey(a.SessionId)).GroupBy(a => a.SessionId)
            .ToDictionary(g => g.Key, g => g.First());
        int PlaceOf(RotaAssignment a) => a.RoomId is { } r && rooms.TryGetValue(r, out var room) ? room.Place : sessions[a.SessionId].HomePlace;
        string JointKey(RotaAssignment a) =>
            FormattableString.Invariant($"{a.RoomId}|{a.Start}|{string.Join('\u001f', a.WorkerIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}");

        var unplaced = problem.Sessions.Count(s => !placed.ContainsKey(s.Id));

        int withPrevious = 0, kept = 0;
        foreach (var (id, a) in placed)
        {
            var s = sessions[id];
            if (s.WorkersNeeded < 1 || s.PreviousSupervisorId is null || a.WorkerIds.Count == 0) continue;
            withPrevious++;
            if (a.WorkerIds.Contains(s.PreviousSupervisorId, StringComparer.Ordinal)) kept++;
        }
        var notSame = placed.Count(kv => sessions[kv.Key] is { WorkersNeeded: >= 1, PreviousSupervisorId: { } previous }
            && !kv.Value.WorkerIds.Contains(previous, StringComparer.Ordinal));

        var infantMinutes = placed.Where(kv => sessions[kv.Key].IsInfant)
            .Sum(kv => problem.Travel.Between(sessions[kv.Key].HomePlace, PlaceOf(kv.Value)));

        var apart = 0;
        foreach (var group in problem.Sessions.Where(s => s.TogetherKey is not null).GroupBy(s => (s.TogetherKey, s.Day)))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            var keys = members.Select(s => placed.TryGetValue(s.Id, out var a) ? JointKey(a) : null).ToList();
            var together = keys.All(k => k is not null) && keys.Distinct(StringComparer.Ordinal).Count() == 1;
            if (!together) apart += members.Count;
        }

        // Hours per worker, a joint meeting (same together key, day, room, start, workers) counted once.
        var minutes = problem.Workers.ToDictionary(w => w.Id, _ => 0, StringComparer.Ordinal);
        foreach (var meeting in placed.GroupBy(kv => sessions[kv.Key].TogetherKey is { } key
                     ? $"{key}|{sessions[kv.Key].Day}|{JointKey(kv.Value)}" : kv.Key.ToString(), StringComparer.Ordinal))
        {
            var length = meeting.Max(kv => sessions[kv.Key].Duration);
            foreach (var worker in meeting.First().Value.WorkerIds.Distinct(StringComparer.Ordinal))
            {
                if (minutes.ContainsKey(worker)) minutes[worker] += length;
            }
        }
        var available = problem.Workers.Where(w => w.Available.Count > 0).Select(w => minutes[w.Id] / 60).ToList();
        var spread = available.Count == 0 ? 0 : Math.Max(0, minutes.Values.Max() / 60 - available.Min());

        var moved = 0;
        if (problem.Published.Count > 0)
        {
            foreach (var published in problem.Published)
            {
                if (!sessions.ContainsKey(published.SessionId) || RotaChecker.PublishedMustMove(problem, published)) continue;
                var same = placed.TryGetValue(published.SessionId, out var now) && now.RoomId == published.RoomId
                    && now.Start == published.Start && string.Equals(JointKey(now), JointKey(published), StringComparison.Ordinal);
                if (!same) moved++;
            }
        }

        var w = problem.Weights;
        var objective = (long)w.Unplaced * unplaced + (long)w.NotSameSupervisor * notSame
            + (long)w.InfantJourneyPerMinute * infantMinutes + (long)w.SiblingsApart * apart
            + (long)w.WorkloadSpreadPerHour * spread + (long)w.MovedFromPublished * moved;
        return new RotaScore(objective, unplaced, notSame, infantMinutes, apart, spread, moved,
            withPrevious == 0 ? 0 : kept / (double)withPrevious);
    }
}
