using System.Globalization;
using Google.OrTools.Sat;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// Mends a plan in which a worker cannot travel between two of their sessions in time, keeping every room and start.
/// The model learns travel lazily (<see cref="RotaModel.AddTravelCut"/>), so a search can end on a plan that packs the
/// rooms well but sends a worker across town with too little time. Leaving one of those sessions out
/// (<see cref="SeedPlanner.Repair"/>) throws that packing away, and on a crowded evening the next search may not find
/// it again in the time left (on the benchmark's hardest day, a search that ended on 7 sessions left out became 8).
/// With rooms and starts fixed the places are known, so which two sessions a worker can both do is known exactly:
/// choosing the workers again is a small model, solved in well under a second.
/// </summary>
internal static class Restaffing
{
    /// <summary>The plan with its placed sessions' workers chosen again so that no worker clashes (rules 5 to 7 within
    /// the model's options), the previous supervisor kept where possible; null when no such choice was found in
    /// <paramref name="seconds"/>. A published session left as published keeps its workers under rule 10's limit (a new
    /// worker is a move) and is weighed as a move if they change without one; a pinned one can only have its pinned
    /// workers (its options are those).</summary>
    /// <param name="work">When set, a limit on CP-SAT's deterministic time too (see <see cref="RotaOptions.DeterministicTimeLimit"/>).</param>
    /// <returns>The mended plan or null, and the deterministic time the search used.</returns>
    public static (Placement?[]? Plan, double Work) Mend(RotaModel model, Placement?[] plan, int seed, int workers, double seconds, double? work,
        CancellationToken cancellationToken = default)
    {
        var p = model.Prep;
        var P = p.P;
        var w8 = P.Weights;
        var meetings = new List<int>();
        for (var i = 0; i < plan.Length; i++)
            if (plan[i] is { } at && model.Includes(i) && (!at.Joint || p.Groups[p.Sessions[i].Group].Lead == i)) meetings.Add(i);

        var m = new CpModel();
        var lits = new Dictionary<int, List<(int Worker, BoolVar Lit)>>();
        var minutes = new Dictionary<int, LinearExprBuilder>();
        var byWorkerDay = new Dictionary<(int Worker, int Day), List<(int Meeting, BoolVar Lit)>>();
        var objective = LinearExpr.NewBuilder();
        foreach (var i in meetings)
        {
            var at = plan[i]!;
            var lead = p.Sessions[i];
            var s = lead.S;
            if (s.WorkersNeeded == 0) continue;
            var members = SeedPlanner.MembersOf(p, plan, i);
            // A published session the plan leaves as published: new workers would move it. Under rule 10's limit it keeps
            // them (a move more could break the limit); without a limit they may change, weighed as a move below. One
            // that must move anyway, or that the plan has already moved, may have any workers.
            var asPublished = members.Where(x => p.Sessions[x] is { Published: not null, ForcedMove: null } && model.Unmoved(p.Sessions[x], at)).ToList();
            var keep = asPublished.Count > 0 && p.MoveLimit is not null;
            var candidates = p.JointWorkers(members)
                .Where(w => p.WorkerAt(members, w, at.Start))
                .Where(w => !keep || at.Workers.Contains(w))
                .ToList();
            var list = lits[i] = [];
            foreach (var w in candidates)
            {
                var lit = m.NewBoolVar("");
                list.Add((w, lit));
                m.AddHint(lit, at.Workers.Contains(w));
                if (!byWorkerDay.TryGetValue((w, s.Day), out var day)) byWorkerDay[(w, s.Day)] = day = [];
                day.Add((i, lit));
                if (!minutes.TryGetValue(w, out var mins)) minutes[w] = mins = LinearExpr.NewBuilder();
                mins.AddTerm(lit, s.Duration);
            }
            m.Add(LinearExpr.Sum(list.Select(x => x.Lit)) == s.WorkersNeeded);
            var had = list.Where(c => at.Workers.Contains(c.Worker)).ToList();
            if (!keep && asPublished.Count > 0 && w8.MovedFromPublished != 0 && had.Count == at.Workers.Length)
            {
                // Kept as published only with every worker it had (it has as many as it needs): each member so kept
                // saves a move.
                var same = m.NewBoolVar("");
                foreach (var (_, lit) in had) m.AddImplication(same, lit);
                m.AddHint(same, true);
                objective.AddTerm(same, -(long)w8.MovedFromPublished * asPublished.Count);
            }
            // Brothers and sisters meeting jointly share the workers: each one's language is spoken by one of them.
            foreach (var language in members.Select(x => p.Sessions[x].S.Language).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
                m.AddBoolOr(list.Where(x => Prepared.Speaks(P.Workers[x.Worker], language)).Select(x => (ILiteral)x.Lit));
            foreach (var x in members)
                if (p.Sessions[x].S.PreviousSupervisorId is { } prev && w8.NotSameSupervisor != 0)
                    foreach (var (w, lit) in list.Where(c => P.Workers[c.Worker].Id == prev))
                        objective.AddTerm(lit, -w8.NotSameSupervisor);
        }
        foreach (var (w, mins) in minutes) m.Add(mins <= P.Workers[w].MaxMinutesPerWeek);

        // Rule 6 with the places known: two meetings a worker cannot both do are one or the other.
        var travel = P.Travel;
        foreach (var list in byWorkerDay.Values)
            for (var a = 0; a < list.Count; a++)
                for (var b = a + 1; b < list.Count; b++)
                {
                    var (x, y) = (plan[list[a].Meeting]!, plan[list[b].Meeting]!);
                    var (sx, sy) = (p.Sessions[list[a].Meeting], p.Sessions[list[b].Meeting]);
                    var (px, py) = (sx.Place(P, x.Room >= 0 ? x.Room : null), sy.Place(P, y.Room >= 0 ? y.Room : null));
                    if (!Occupancy.OneAfterTheOther(travel, x.Start, x.Start + sx.S.Duration, px, y.Start, y.Start + sy.S.Duration, py))
                        m.AddBoolOr([list[a].Lit.Not(), list[b].Lit.Not()]);
                }
        m.Minimize(objective);

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:{Math.Max(1, workers)},random_seed:{seed},max_time_in_seconds:{Math.Max(0.05, seconds):0.###}")
                + (work is double d ? string.Create(CultureInfo.InvariantCulture, $",max_deterministic_time:{Math.Max(0.01, d):0.###}") : ""),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
            status = solver.Solve(m);
        var used = solver.Response?.DeterministicTime ?? 0;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (null, used);

        var mended = (Placement?[])plan.Clone();
        foreach (var i in meetings)
        {
            var at = plan[i]!;
            if (!lits.TryGetValue(i, out var list)) continue;
            var now = at with { Workers = [.. list.Where(x => solver.BooleanValue(x.Lit)).Select(x => x.Worker)] };
            foreach (var x in SeedPlanner.MembersOf(p, plan, i)) mended[x] = now;
        }
        return (mended, used);
    }
}
