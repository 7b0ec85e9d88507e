using System.Globalization;
using FamilyTime.Scheduling.Model;
using Google.OrTools.LinearSolver;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// The fewest sessions a model can leave unplaced, proven by the linear relaxation of a time-indexed model of its day:
/// one variable per session and start on the 15-minute grid, per room and start, per worker and start, and per joint
/// meeting of brothers and sisters and start. No room, worker, child or parent may be in two places at once.
/// </summary>
/// <remarks>
/// <para>Why: CP-SAT sees a room or a worker only through its NoOverlap and the energy cuts of <see cref="RotaModel"/>.
/// On an evening with more sessions after school than rooms, its bound stays several sessions short of what must be
/// left out, and each session is worth the whole <c>Unplaced</c> penalty. This relaxation is much tighter for such
/// packing: for one room alone it is exact, because each column of an interval matrix has its ones in a row. GLOP solves
/// it in well under a second for an area's day. <see cref="RotaModel"/> adds the result as a cut, and CP-SAT's bound then
/// carries it.</para>
/// <para>Sound: every constraint here holds in every plan of the model, so the relaxation's optimum, rounded down,
/// bounds how many sessions any plan places. Each thing left out only widens the relaxation: weekly hours, pins,
/// rule 10, at a joint meeting of two-worker sessions a member's language, and on a big day travel between places
/// (on a small one it is in: <see cref="AddTravel"/>). Travel matters most: see the scheduling README, "Where the gap
/// stays".</para>
/// </remarks>
internal static partial class UnplacedBound
{
    /// <summary>Above this many variables the relaxation is not built. A whole city's day in one pool can reach it;
    /// such a part is solved on short candidate lists anyway.</summary>
    public const int MaxVariables = 400_000;

    /// <summary>A margin for floating point when the relaxation's optimum is rounded down. A larger margin only makes the
    /// bound more cautious.</summary>
    private const double Margin = 0.01;

    /// <summary>
    /// The sessions the bound counts, the least number of them that any plan leaves out (0 when it proves none must be),
    /// and whether the model holds travel (rule 6), so that a packing of it (<see cref="Pack"/>) keeps every journey;
    /// null when there is nothing to count (fewer than two sessions that book a room or a worker), the part is too big,
    /// or GLOP did not finish.
    /// </summary>
    /// <param name="includes">Whether a session belongs to the model (a part of a decomposed week).</param>
    /// <param name="jointPossible">Whether a group of brothers and sisters may meet jointly in the model.</param>
    public static (int[] Sessions, int Least, bool HoldsTravel)? Of(Prepared p, Func<int, bool> includes, Func<int, bool> jointPossible)
    {
        if (Build(p, includes, jointPossible) is not { } built) return null;
        if (built.Lp.MostPlaced() is not double most) return null;
        var least = Math.Max(0, built.Sessions.Length - (int)Math.Floor(most + Margin));
        return (built.Sessions.Select(sp => sp.Index).ToArray(), least, built.HoldsTravel);
    }

    /// <summary>The time-indexed model of a day's sessions and what its variables stand for: a session's start, its room
    /// or worker at that start, and a joint meeting of brothers and sisters at a start.</summary>
    private sealed record Built(
        SessionPrep[] Sessions,
        Relaxation Lp,
        Dictionary<(int Session, int Start), int> StartVar,
        Dictionary<(int Session, int Room, int Start), int> RoomVar,
        Dictionary<(int Session, int Worker, int Start), int> WorkerVar,
        List<(int Group, int Start, int Var)> JointVar,
        bool HoldsTravel);

    private static Built? Build(Prepared p, Func<int, bool> includes, Func<int, bool> jointPossible)
    {
        bool InJointGroup(SessionPrep sp) => sp.Group >= 0 && jointPossible(sp.Group) && includes(p.Groups[sp.Group].Lead);
        // A session that books nothing and meets no one jointly can always be placed: it is not counted.
        var sessions = p.Sessions.Where(sp => includes(sp.Index) && sp.Unplaceable is null
            && (sp.S.NeedsRoom || sp.S.WorkersNeeded > 0 || InJointGroup(sp))).ToArray();
        if (sessions.Length < 2) return null;
        var size = sessions.Sum(sp => (long)sp.Starts.Length + sp.Rooms.Sum(o => o.Starts.Length) + sp.Workers.Sum(o => o.Starts.Length));
        if (size > MaxVariables) return null;

        var lp = new Relaxation();
        var once = new Dictionary<int, List<(int, int)>>();
        var startVar = new Dictionary<(int Session, int Start), int>();
        var roomVar = new Dictionary<(int Session, int Room, int Start), int>();
        var workerVar = new Dictionary<(int Session, int Worker, int Start), int>();
        var jointVar = new List<(int Group, int Start, int Var)>();
        foreach (var sp in sessions)
        {
            var s = sp.S;
            // z[t]: the session starts at t. It starts at most once.
            var at = sp.Starts.ToDictionary(t => t, _ => lp.Variable(placesSessions: 1));
            var row = once[sp.Index] = lp.Row(0, 1);
            foreach (var (t, z) in at)
            {
                startVar[(sp.Index, t)] = z;
                row.Add((z, 1));
                foreach (var person in s.ParentIds.Prepend(s.ChildId).Distinct())
                    lp.Occupy('p', person.ToString(), s.Day, z, t, t + s.Duration);
            }
            // Rule 3: one room at the start chosen.
            if (s.NeedsRoom)
            {
                var rooms = at.ToDictionary(x => x.Key, x => lp.Row(0, 0, (x.Value, -1)));
                foreach (var o in sp.Rooms)
                    foreach (var t in o.Starts.Where(rooms.ContainsKey))
                    {
                        var x = roomVar[(sp.Index, o.Room, t)] = lp.Variable();
                        rooms[t].Add((x, 1));
                        lp.Occupy('r', o.Room.ToString(CultureInfo.InvariantCulture), s.Day, x, t, t + s.Duration);
                    }
            }
            // Rule 5: the workers needed, each at most once, one speaking the language; each worker's time carries the
            // turnaround.
            if (s.WorkersNeeded > 0)
            {
                var workers = at.ToDictionary(x => x.Key, x => lp.Row(0, 0, (x.Value, -s.WorkersNeeded)));
                var speakers = s.Language is not null && s.WorkersNeeded > 1
                    ? at.ToDictionary(x => x.Key, x => lp.Row(0, Relaxation.Infinity, (x.Value, -1)))
                    : null;
                foreach (var o in sp.Workers)
                    foreach (var t in o.Starts.Where(workers.ContainsKey))
                    {
                        var y = workerVar[(sp.Index, o.Worker, t)] = lp.Variable();
                        workers[t].Add((y, 1));
                        if (s.WorkersNeeded > 1) lp.Row(-Relaxation.Infinity, 0, (y, 1), (at[t], -1));
                        if (speakers is not null && o.Speaks) speakers[t].Add((y, 1));
                        lp.Occupy('w', o.Worker.ToString(CultureInfo.InvariantCulture), s.Day, y, t, t + s.Duration + RotaProblem.TurnaroundMinutes);
                    }
            }
        }

        // Rule 4's joint meeting at start t: every other member is placed with the lead and books nothing of their own;
        // the lead's room is one every member may use and holds them all, and each of its workers is one every member
        // may have (the model pairs the members' rooms and workers with the lead's). Leaving out the rooms and workers
        // let a joint meeting of a baby and an older brother take a room without baby change: on one benchmark day
        // that proved 1 session must be left out where 4 must.
        var counted = sessions.Select(sp => sp.Index).ToHashSet();
        for (var g = 0; g < p.Groups.Count; g++)
        {
            var group = p.Groups[g];
            if (!jointPossible(g) || !group.Members.All(counted.Contains)) continue;
            var lead = p.Sessions[group.Lead];
            var others = group.Members.Where(m => m != group.Lead).ToArray();
            var jointRooms = p.JointRooms(group.Members).ToHashSet();
            var jointWorkers = p.JointWorkers(group.Members).ToHashSet();
            foreach (var t in lead.Starts.Where(t => group.Members.All(m => p.Sessions[m].Starts.Contains(t))))
            {
                var j = lp.Variable(placesSessions: others.Length);
                jointVar.Add((g, t, j));
                var z = startVar[(group.Lead, t)];
                var withLead = lp.Row(-Relaxation.Infinity, 0, (j, 1), (z, -1));
                foreach (var o in lead.Rooms.Where(o => !jointRooms.Contains(o.Room)))
                    if (roomVar.TryGetValue((group.Lead, o.Room, t), out var x)) withLead.Add((x, 1));
                // One row per worker the members may not all have: the lead may still have them when not joint
                // (y ≤ z), and with two workers needed one shared row would wrongly forbid two of them.
                foreach (var o in lead.Workers.Where(o => !jointWorkers.Contains(o.Worker)))
                    if (workerVar.TryGetValue((group.Lead, o.Worker, t), out var y)) lp.Row(-Relaxation.Infinity, 0, (j, 1), (y, 1), (z, -1));
                foreach (var m in others) once[m].Add((j, 1));
            }
        }

        var holdsTravel = lp.Count <= TravelUpToVariables && AddTravel(p, sessions, lp, roomVar, workerVar);
        lp.OneAtATime();
        return new Built(sessions, lp, startVar, roomVar, workerVar, jointVar, holdsTravel);
    }

    /// <summary>The linear program: 0–1 variables, rows of integer coefficients, the sessions each variable places.</summary>
    private sealed class Relaxation
    {
        public const int Infinity = int.MaxValue;
        private readonly List<int> _places = [];
        private readonly List<(List<(int Var, int Coef)> Terms, int Lo, int Hi)> _rows = [];
        // Per resource-day, the minutes [from, until) each variable occupies.
        private readonly Dictionary<(char Kind, string Who, int Day), List<(int Var, int From, int Until)>> _uses = [];

        public int Count => _places.Count;

        public int Variable(int placesSessions = 0)
        {
            _places.Add(placesSessions);
            return _places.Count - 1;
        }

        public List<(int Var, int Coef)> Row(int lo, int hi, params (int Var, int Coef)[] terms)
        {
            var list = terms.ToList();
            _rows.Add((list, lo, hi));
            return list;
        }

        public void Occupy(char kind, string who, int day, int variable, int from, int until)
        {
            if (!_uses.TryGetValue((kind, who, day), out var list)) _uses[(kind, who, day)] = list = [];
            list.Add((variable, from, until));
        }

        /// <summary>No resource in two places at once: intervals with whole-minute ends that overlap all contain the
        /// latest of their first minutes, so one row per first minute covers every overlap. Called once, when every
        /// variable is in.</summary>
        public void OneAtATime()
        {
            foreach (var list in _uses.Values.Where(l => l.Count > 1))
                foreach (var point in list.Select(x => x.From).Distinct())
                {
                    var covering = list.Where(x => x.From <= point && point < x.Until).Select(x => (x.Var, 1)).ToArray();
                    if (covering.Length > 1) Row(-Infinity, 1, covering);
                }
        }

        /// <summary>The relaxation's optimum: the most sessions placed, fractionally; null when GLOP does not finish.</summary>
        public double? MostPlaced()
        {
            using var solver = Solver.CreateSolver("GLOP");
            if (solver is null) return null;
            var (_, objective) = Load(solver, integer: false);
            return solver.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : null;
        }

        /// <summary>The rows and the objective (most sessions placed) in a solver; each variable 0–1, whole numbers when
        /// <paramref name="integer"/>.</summary>
        public (Google.OrTools.LinearSolver.Variable[] Vars, Objective Objective) Load(Solver solver, bool integer)
        {
            var v = _places.Select(_ => integer ? solver.MakeIntVar(0, 1, "") : solver.MakeNumVar(0, 1, "")).ToArray();
            foreach (var (terms, lo, hi) in _rows)
            {
                var c = solver.MakeConstraint(lo == -Infinity ? double.NegativeInfinity : lo, hi == Infinity ? double.PositiveInfinity : hi);
                foreach (var (x, coef) in terms) c.SetCoefficient(v[x], coef);
            }
            var objective = solver.Objective();
            for (var i = 0; i < v.Length; i++) if (_places[i] > 0) objective.SetCoefficient(v[i], _places[i]);
            objective.SetMaximization();
            return (v, objective);
        }
    }
}
