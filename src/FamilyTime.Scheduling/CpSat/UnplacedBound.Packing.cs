using Google.OrTools.LinearSolver;

namespace FamilyTime.Scheduling.CpSat;

internal static partial class UnplacedBound
{
    /// <summary>
    /// The time-indexed model of <see cref="Of"/> solved in whole numbers (a MIP, by HiGHS) for at most
    /// <paramref name="seconds"/>: the meetings (members, room, start, workers) of a plan that places the most sessions,
    /// or null when the model is too big or it was not proven in the time.
    /// </summary>
    /// <remarks>
    /// Why: on an evening with more sessions after school than rooms, packing the day is what is hard, and CP-SAT's
    /// search, which weighs every aim at once, can take most of a minute to place the last session the bound allows.
    /// A MIP solver on this model (whose relaxation is nearly exact for packing) finds such a packing in seconds. The
    /// answer keeps rules 2 to 5 and 8 and the turnaround, but not every rule: travel on a big day, weekly hours and a
    /// member's language at a joint meeting of two-worker sessions are left out, and nothing in it weighs the soft aims.
    /// So it is only a start: <see cref="PackedStart"/> books each meeting only where the plan's own checks allow.
    /// </remarks>
    public static List<(int[] Members, Placement At)>? Pack(Prepared p, Func<int, bool> includes, Func<int, bool> jointPossible, double seconds)
    {
        if (Build(p, includes, jointPossible) is not { } built) return null;
        using var solver = Solver.CreateSolver("HIGHS");
        if (solver is null) return null;
        var (v, _) = built.Lp.Load(solver, integer: true);
        solver.SetTimeLimit((long)Math.Max(1, seconds * 1000));
        // HiGHS's answer counts only when it ends proven optimal: stopped by its time limit, OR-Tools reports NOT_SOLVED
        // even with an answer in hand (and it cannot be interrupted: InterruptSolve returns false). The objective, the
        // sessions placed, is whole, so it ends as soon as it places as many as the relaxation allows, rounded down.
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)) return null;
        bool On(int x) => v[x].SolutionValue() > 0.5;

        var jointAt = built.JointVar.Where(x => On(x.Var)).ToDictionary(x => p.Groups[x.Group].Lead, x => x.Group);
        // A session starts once, so its room and workers chosen are those of its one start.
        var roomOf = built.RoomVar.Where(x => On(x.Value)).ToDictionary(x => x.Key.Session, x => x.Key.Room);
        var workersOf = built.WorkerVar.Where(x => On(x.Value)).ToLookup(x => x.Key.Session, x => x.Key.Worker);
        var meetings = new List<(int[] Members, Placement At)>();
        foreach (var ((session, start), z) in built.StartVar)
        {
            if (!On(z)) continue;
            var room = roomOf.GetValueOrDefault(session, -1);
            var workers = workersOf[session].Order().ToArray();
            var joint = jointAt.TryGetValue(session, out var g);
            meetings.Add((joint ? p.Groups[g].Members : [session], new Placement(room, start, workers, joint)));
        }
        return meetings;
    }
}
