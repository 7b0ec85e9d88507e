using FamilyTime.Domain.Workforce;
using Google.OrTools.Sat;
using SatDomain = Google.OrTools.Util.Domain;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// The week as one CP-SAT model.
/// <list type="bullet">
/// <item>Per session: a "placed" literal (unplaced is always an option, with the <c>Unplaced</c> penalty, so the model
/// is never infeasible), a start on the 15-minute grid, one literal per suitable room and per suitable worker (all
/// filtered beforehand by window, features, capacity, fixed venue, opening hours, skills, language, availability).</item>
/// <item>Rules 4, 6 (same place), 8: optional intervals and one NoOverlap per room-day, worker-day (the session plus the
/// 15-minute turnaround), child-day and parent-day. A joint meeting of brothers and sisters books the room and the
/// workers once (the lead's intervals); the others' intervals are present only when not joint.</item>
/// <item>Rule 6's travel between places is added lazily: each solve is checked, and for a pair of sessions that shared
/// a worker without time to travel, an ordering with the travel time from the rooms actually chosen is added and the
/// week solved again (<see cref="AddTravelCut"/>). Every model solved is a relaxation of the full one, so each of its
/// proven bounds is a proven bound of the week; the plan returned always satisfies every cut (or is repaired).</item>
/// <item>Rule 7 and the workload spread are weekly sums over the worker literals; rule 10 a hard cardinality on the
/// "stays as published" literals. A model may also hold one day only (a decomposed city week, see
/// <see cref="CpSatRotaSolver"/>): it then keeps each worker's weekly cap (a relaxation for one day) and leaves out the
/// spread (a weekly, non-negative term), so its proven bound is a bound of that day's share of the week.</item>
/// <item>Redundant energy and count cuts per room-day and worker-day give the LP relaxation the capacity NoOverlap
/// hides from it; one more cut caps the sessions placed at what a time-indexed relaxation of the day allows
/// (<see cref="UnplacedBound"/>), which the energy cuts cannot see on an evening with more sessions than rooms.</item>
/// </list>
/// The bound is a proven lower bound of the objective over plans whose starts lie on the 15-minute grid (plus the
/// pinned and published starts), the only starts the optimiser considers.
/// </summary>
internal sealed class RotaModel
{
    public CpModel M { get; } = new();
    private readonly Prepared _p;
    public Prepared Prep => _p;
    /// <summary>Built from short candidate lists (<see cref="Prepared.Restricted"/>).</summary>
    public bool Restricted => _p.IsRestricted;
    public BoolVar[] Placed { get; }
    public IntVar[] Start { get; }
    public BoolVar[][] RoomLit { get; }
    public BoolVar[][] WorkerLit { get; }
    private readonly BoolVar[][] _workerPresence;
    public BoolVar?[] Joint { get; }
    public BoolVar?[] Stay { get; }
    private readonly List<(BoolVar Var, Func<Placement?[], bool> Value)> _derived = [];
    private readonly Dictionary<int, List<(int Place, ILiteral Lit)>> _places = [];
    private readonly HashSet<(int, int)> _cuts = [];
    private (IntVar Most, IntVar Fewest, IntVar Hours)? _spread;
    private readonly List<(int Worker, IntVar Hours)> _hours = [];
    private Constraint? _moveLimit;
    public int Cuts => _cuts.Count;
    /// <summary>Placing a valid pin outweighs anything else; the pin holds unless it clashes with another pin.</summary>
    public long PinWeight { get; }

    private readonly bool[]? _include;
    private readonly List<int> _pinned = [];

    /// <summary>
    /// What the model's objective adds to the week's for the pinned sessions a plan leaves out (<see cref="PinWeight"/>
    /// each): the week's objective of a plan is the model's less this. A bound of the model's objective less this, for
    /// any plan the model allows, is a bound of the week's objective over the plans that hold the most pins (those the
    /// optimiser considers): they leave out no more pins than that plan does.
    /// </summary>
    public long PinPenalty(Func<int, bool> placed) => PinWeight * _pinned.Count(i => !placed(i));

    public bool Includes(int session) => _include is null || _include[session];

    /// <summary>The sessions the model holds (null: the whole week), for scoring a plan in the model's own terms.</summary>
    public bool[]? Include => _include;

    /// <summary>How many sessions the model holds (a day's, or the whole week's).</summary>
    public int SessionCount => _include?.Count(x => x) ?? _p.Sessions.Length;

    /// <param name="p">The week.</param>
    /// <param name="include">When set, the model holds only these sessions (one day of a decomposed week) and leaves
    /// out the weekly terms, so that its bound stays a bound of its sessions' share of the week's objective.</param>
    public RotaModel(Prepared p, bool[]? include = null)
    {
        _p = p;
        _include = include;
        var P = p.P;
        var w8 = P.Weights;
        PinWeight = 100L * Math.Max(1, w8.Unplaced);
        var n = p.Sessions.Length;
        Placed = new BoolVar[n];
        Start = new IntVar[n];
        RoomLit = new BoolVar[n][];
        WorkerLit = new BoolVar[n][];
        _workerPresence = new BoolVar[n][];
        Joint = new BoolVar?[p.Groups.Count];
        Stay = new BoolVar?[n];
        var objective = LinearExpr.NewBuilder();

        for (var g = 0; g < p.Groups.Count; g++)
            if (p.Groups[g].JointPossible && Includes(p.Groups[g].Lead)) Joint[g] = M.NewBoolVar($"joint{g}");

        var roomIntervals = new Dictionary<(int, int), List<IntervalVar>>();
        var workerIntervals = new Dictionary<(int, int), List<IntervalVar>>();
        var peopleIntervals = new Dictionary<(Guid, int), List<IntervalVar>>();
        var roomEnergy = new Dictionary<(int, int), List<(BoolVar, int, int[])>>();
        var workerEnergy = new Dictionary<(int, int), List<(BoolVar, int, int[])>>();
        var minutes = new LinearExprBuilder[P.Workers.Count];
        var maxMinutes = new long[P.Workers.Count];
        for (var w = 0; w < minutes.Length; w++) minutes[w] = LinearExpr.NewBuilder();

        for (var i = 0; i < n; i++)
        {
            var sp = p.Sessions[i];
            var s = sp.S;
            var placed = Placed[i] = M.NewBoolVar($"placed{i}");
            // A session of this model counts its Unplaced penalty (certain when nothing can hold it); one of another
            // part of the week does not.
            if (Includes(i)) objective.AddTerm(placed, -w8.Unplaced).Add(w8.Unplaced);
            if (!Includes(i) || sp.Unplaceable is not null)
            {
                M.Add(placed == 0);
                Start[i] = M.NewConstant(s.EarliestStart);
                RoomLit[i] = [];
                WorkerLit[i] = [];
                _workerPresence[i] = [];
                continue;
            }
            if (sp.Pinned)
            {
                objective.AddTerm(placed, -PinWeight).Add(PinWeight);
                _pinned.Add(i);
            }
            Start[i] = M.NewIntVarFromDomain(SatDomain.FromValues(sp.Starts.Select(x => (long)x).ToArray()), $"start{i}");
            var joint = sp.Group >= 0 ? Joint[sp.Group] : null;
            var nonLead = joint is not null && p.Groups[sp.Group].Lead != i;
            var session = i;
            BoolVar Present(BoolVar lit, Func<Placement, bool> chosen) => nonLead ? AndNot(lit, joint!, session, chosen) : lit;

            // Rule 3: one suitable room when the session needs one, open for the whole session.
            RoomLit[i] = new BoolVar[sp.Rooms.Length];
            for (var k = 0; k < sp.Rooms.Length; k++)
            {
                var o = sp.Rooms[k];
                var lit = RoomLit[i][k] = M.NewBoolVar($"r{i}_{o.Room}");
                if (o.Starts.Length < sp.Starts.Length)
                    M.AddLinearExpressionInDomain(Start[i], SatDomain.FromValues(o.Starts.Select(x => (long)x).ToArray())).OnlyEnforceIf(lit);
                var iv = M.NewOptionalFixedSizeIntervalVar(Start[i], s.Duration, Present(lit, at => at.Room == o.Room), $"ri{i}_{o.Room}");
                Get(roomIntervals, (o.Room, s.Day)).Add(iv);
                Get(roomEnergy, (o.Room, s.Day)).Add((Present(lit, at => at.Room == o.Room), s.Duration, o.Starts));
                if (s.IsInfant && w8.InfantJourneyPerMinute != 0)
                    objective.AddTerm(lit, (long)w8.InfantJourneyPerMinute * P.Travel.Between(s.HomePlace, P.Rooms[o.Room].Place));
            }
            if (s.NeedsRoom) M.Add(LinearExpr.Sum(RoomLit[i]) == placed);
            else if (s.IsInfant && w8.InfantJourneyPerMinute != 0)
                objective.AddTerm(placed, (long)w8.InfantJourneyPerMinute * P.Travel.Between(s.HomePlace, s.HomePlace));

            // Rule 5: exactly the workers needed, each suitable and available; one speaks the language.
            WorkerLit[i] = new BoolVar[sp.Workers.Length];
            _workerPresence[i] = new BoolVar[sp.Workers.Length];
            var prevLit = (ILiteral?)null;
            for (var k = 0; k < sp.Workers.Length; k++)
            {
                var o = sp.Workers[k];
                var lit = WorkerLit[i][k] = M.NewBoolVar($"w{i}_{o.Worker}");
                if (o.Starts.Length < sp.Starts.Length)
                    M.AddLinearExpressionInDomain(Start[i], SatDomain.FromValues(o.Starts.Select(x => (long)x).ToArray())).OnlyEnforceIf(lit);
                var present = _workerPresence[i][k] = Present(lit, at => at.Workers.Contains(o.Worker));
                // Rule 6 at one place: the worker's interval carries the turnaround after the session.
                var iv = M.NewOptionalFixedSizeIntervalVar(Start[i], s.Duration + RotaProblem.TurnaroundMinutes, present, $"wi{i}_{o.Worker}");
                Get(workerIntervals, (o.Worker, s.Day)).Add(iv);
                Get(workerEnergy, (o.Worker, s.Day)).Add((present, s.Duration + RotaProblem.TurnaroundMinutes, o.Starts));
                // Rule 7: a joint meeting counts once (the others' presence is off when joint).
                minutes[o.Worker].AddTerm(present, s.Duration);
                maxMinutes[o.Worker] += s.Duration;
                if (P.Workers[o.Worker].Id == s.PreviousSupervisorId) prevLit = lit;
            }
            if (s.WorkersNeeded > 0)
            {
                M.Add(LinearExpr.Sum(WorkerLit[i]) == s.WorkersNeeded * (LinearExpr)placed);
                if (s.Language is not null && s.WorkersNeeded > 1)
                {
                    var speakers = sp.Workers.Select((o, k) => (o, k)).Where(x => x.o.Speaks).Select(x => WorkerLit[i][x.k]).ToArray();
                    M.Add(LinearExpr.Sum(speakers) >= placed);
                }
                if (s.PreviousSupervisorId is not null && w8.NotSameSupervisor != 0)
                {
                    objective.AddTerm(placed, w8.NotSameSupervisor);
                    if (prevLit is not null) objective.AddTerm((IntVar)prevLit, -w8.NotSameSupervisor);
                }
            }

            // Rule 8: a child or a parent is in one place at a time (a joint meeting once).
            // In a joint meeting each person is booked once, by the first member who has them; a person only this
            // member has (their own child, a parent the others do not share) is always booked by them.
            var own = M.NewOptionalFixedSizeIntervalVar(Start[i], s.Duration, placed, $"pi{i}");
            IntervalVar? shared = null;
            foreach (var person in s.ParentIds.Prepend(s.ChildId).Distinct())
            {
                var owner = joint is null ? i : p.Groups[sp.Group].Members.First(m => m == i || p.Sessions[m].S.ChildId == person || p.Sessions[m].S.ParentIds.Contains(person));
                var iv = owner == i ? own : shared ??= M.NewOptionalFixedSizeIntervalVar(Start[i], s.Duration, AndNot(placed, joint!, i, _ => true), $"pj{i}");
                Get(peopleIntervals, (person, s.Day)).Add(iv);
            }
        }

        foreach (var list in roomIntervals.Values.Concat(workerIntervals.Values).Concat(peopleIntervals.Values))
            if (list.Count > 1) M.AddNoOverlap(list);
        AddEnergy(roomEnergy, r => P.Rooms[r].Open, 0);
        AddEnergy(workerEnergy, w => P.Workers[w].Available, RotaProblem.TurnaroundMinutes);
        AddPoolEnergy();
        // The time-indexed relaxation proves how many sessions must be left out (an overloaded evening): as a cut, it
        // lifts CP-SAT's bound to it (see UnplacedBound). Not for a model on short candidate lists: its bound is not a
        // bound of the week anyway, and at a whole city's day the relaxation costs more time than it gives.
        if (!p.IsRestricted && UnplacedBound.Of(p, Includes, g => Joint[g] is not null) is { } least)
        {
            if (least.Least > 0) M.Add(LinearExpr.Sum(least.Sessions.Select(i => Placed[i])) <= least.Sessions.Length - least.Least);
            LeastUnplaced = least.Least;
            PackingHoldsTravel = least.HoldsTravel;
        }

        for (var w = 0; w < minutes.Length; w++)
            if (maxMinutes[w] > P.Workers[w].MaxMinutesPerWeek) M.Add(minutes[w] <= P.Workers[w].MaxMinutesPerWeek);

        AddBrothersAndSisters(objective);
        // The spread is a weekly term (the most hours less the fewest over the week): a day's model leaves it out.
        if (include is null) AddWorkloadSpread(objective, minutes, maxMinutes);
        AddStability(objective);
        // Every plan of the model leaves out the sessions nothing can hold and as many more as the relaxation proves:
        // their penalties are taken out of what CP-SAT minimises, so that its relative gap limit is a share of what a
        // plan can still change. Counted in, they made 1 % of an area's week worth more than a move (five sessions left
        // out: 500 against a move's 300), and a week planned again moved a session carers knew for a plan no better. A
        // part of a decomposed week keeps them: a city's weeks give their time to the hardest part (bench/README.md).
        Least = (long)(Unplaceable + LeastUnplaced) * w8.Unplaced;
        if (include is null)
        {
            Certain = Least;
            objective.Add(-Certain);
        }
        M.Minimize(objective);
    }

    /// <summary>The penalties every plan of the model pays: its sessions nothing can hold and those the relaxation
    /// proves must be left out (every other term is at least 0, so a bound of the model is at least this).</summary>
    public long Least { get; }

    /// <summary>The penalties every plan of the model pays that CP-SAT's objective leaves out (see the constructor):
    /// the week's objective of a plan is the model's plus this.</summary>
    public long Certain { get; }

    /// <summary>How many of the model's sessions any plan leaves out, at least, beyond those nothing can hold: proven by
    /// <see cref="UnplacedBound"/> (0 when it proves nothing).</summary>
    public int LeastUnplaced { get; }

    /// <summary>Whether the time-indexed model of <see cref="UnplacedBound"/> was built with travel (rule 6): a small day's
    /// is, so its packing (<see cref="PackedStart"/>) places as many sessions as any plan, journeys kept.</summary>
    public bool PackingHoldsTravel { get; }

    /// <summary>How many sessions of the model a plan leaves out (those nothing can hold included).</summary>
    public int UnplacedIn(Placement?[] plan) => Enumerable.Range(0, _p.Sessions.Length).Count(i => Includes(i) && plan[i] is null);

    /// <summary>How many sessions of the model nothing can hold.</summary>
    public int Unplaceable => Enumerable.Range(0, _p.Sessions.Length).Count(i => Includes(i) && _p.Sessions[i].Unplaceable is not null);

    /// <summary>
    /// Redundant but strong for the bound. NoOverlap alone gives the LP relaxation almost nothing, so without these the
    /// bound cannot see that a Saturday with too few workers must leave sessions unplaced. For each room-day (worker-day)
    /// and each stretch [a, b) between the earliest start and the latest end its sessions may have, what the sessions must
    /// spend inside the stretch is at most the open (available) minutes in it (energy), and the sessions that must lie
    /// wholly inside it number at most the minutes over the shortest of them (count). A worker's session carries the
    /// turnaround, which may run past the end of their availability.
    /// </summary>
    private void AddEnergy(Dictionary<(int, int), List<(BoolVar Lit, int Length, int[] Starts)>> energy, Func<int, IReadOnlyList<DayWindow>> windows, int slack)
    {
        foreach (var ((who, day), items) in energy)
        {
            if (items.Count < 2) continue;
            var open = windows(who).Where(w => w.Day == day).Select(w => (w.From, Until: w.Until + slack)).ToList();
            int Capacity(int a, int b) => open.Sum(w => Math.Max(0, Math.Min(b, w.Until) - Math.Max(a, w.From)));
            var froms = items.Select(x => x.Starts[0]).Concat(open.Select(w => w.From)).Distinct().Order().ToArray();
            var untils = items.Select(x => x.Starts[^1] + x.Length).Concat(open.Select(w => w.Until)).Distinct().Order().ToArray();
            // Every stretch is a valid cut; only the few most overloaded ones are kept, so the LP stays small.
            var cuts = new List<(double Excess, List<BoolVar> Lits, List<long> Need, int Cap, bool Count)>();
            foreach (var a in froms)
                foreach (var b in untils)
                {
                    if (b <= a) continue;
                    var cap = Capacity(a, b);
                    var lits = new List<BoolVar>();
                    var need = new List<long>();
                    var inside = new List<BoolVar>();
                    var shortest = int.MaxValue;
                    foreach (var (lit, length, starts) in items)
                    {
                        // The overlap with [a, b) rises, holds, then falls as the start moves: least at an end.
                        int Overlap(int t) => Math.Max(0, Math.Min(b, t + length) - Math.Max(a, t));
                        var least = Math.Min(Overlap(starts[0]), Overlap(starts[^1]));
                        if (least <= 0) continue;
                        lits.Add(lit);
                        need.Add(least);
                        if (least == length)
                        {
                            inside.Add(lit);
                            shortest = Math.Min(shortest, length);
                        }
                    }
                    var total = need.Sum();
                    if (total > cap) cuts.Add(((double)(total - cap) / Math.Max(1, cap), lits, need, cap, false));
                    if (inside.Count > 1 && cap / shortest < inside.Count)
                        cuts.Add(((double)(inside.Count - cap / shortest) / Math.Max(1, cap / shortest), inside, inside.Select(_ => 1L).ToList(), cap / shortest, true));
                }
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (var cut in cuts.OrderByDescending(c => c.Excess))
            {
                if (kept.Count >= 4) break;
                if (!kept.Add((cut.Count ? "#" : "") + string.Join(',', cut.Lits.Select(l => l.Index)) + "/" + cut.Cap)) continue;
                M.Add(LinearExpr.WeightedSum(cut.Lits, cut.Need) <= cut.Cap);
            }
        }
    }

    /// <summary>
    /// Redundant cuts over pools of workers and rooms on one day (sound for the unrestricted week too): the sessions
    /// needing skills S (a language L) need workers holding S (speaking L), so what they must spend inside a stretch
    /// [a, b) is at most the pool's available minutes in it; likewise the rooms with features F. The per-worker and
    /// per-room cuts cannot see a day with too few workers of a kind; these let the bound count the sessions such a
    /// day must leave unplaced. A brother's or sister's session that may meet jointly is left out (it may book nothing).
    /// A pool holds only the workers and rooms some session of the day may have: in a city of areas, the area's.
    /// </summary>
    private void AddPoolEnergy()
    {
        var P = _p.P;
        var sessions = _p.Sessions.Where(sp => Includes(sp.Index) && sp.Unplaceable is null
            && !(sp.Group >= 0 && Joint[sp.Group] is not null && _p.Groups[sp.Group].Lead != sp.Index)).ToList();
        foreach (var day in sessions.GroupBy(sp => sp.S.Day))
        {
            var list = day.ToList();
            var usableWorkers = list.SelectMany(sp => sp.Workers.Select(o => o.Worker)).ToHashSet();
            var usableRooms = list.SelectMany(sp => sp.Rooms.Select(o => o.Room)).ToHashSet();
            var skillSets = list.Where(sp => sp.S.WorkersNeeded > 0).Select(sp => sp.S.SkillsNeeded).Append(default(WorkerSkills)).Distinct().ToList();
            foreach (var skills in skillSets)
            {
                var pool = Enumerable.Range(0, P.Workers.Count).Where(w => usableWorkers.Contains(w) && (P.Workers[w].Skills & skills) == skills).ToList();
                var items = list.Where(sp => sp.S.WorkersNeeded > 0 && (sp.S.SkillsNeeded & skills) == skills)
                    .Select(sp => (Placed[sp.Index], sp.S.Duration + RotaProblem.TurnaroundMinutes, sp.Starts, (long)sp.S.WorkersNeeded)).ToList();
                PoolCuts(items, pool.Select(w => Windows(P.Workers[w].Available, day.Key, RotaProblem.TurnaroundMinutes)).ToList());
                foreach (var lang in list.Where(sp => sp.S.WorkersNeeded > 0 && sp.S.Language is not null && (sp.S.SkillsNeeded & skills) == skills)
                             .Select(sp => sp.S.Language!.ToUpperInvariant()).Distinct())
                {
                    var speakers = pool.Where(w => Prepared.Speaks(P.Workers[w], lang)).ToList();
                    var langItems = list.Where(sp => sp.S.WorkersNeeded > 0 && (sp.S.SkillsNeeded & skills) == skills
                            && string.Equals(sp.S.Language, lang, StringComparison.OrdinalIgnoreCase))
                        .Select(sp => (Placed[sp.Index], sp.S.Duration + RotaProblem.TurnaroundMinutes, sp.Starts, 1L)).ToList();
                    PoolCuts(langItems, speakers.Select(w => Windows(P.Workers[w].Available, day.Key, RotaProblem.TurnaroundMinutes)).ToList());
                }
            }
            foreach (var features in list.Where(sp => sp.S.NeedsRoom).Select(sp => sp.S.RoomNeeds).Distinct())
            {
                var items = list.Where(sp => sp.S.NeedsRoom && (sp.S.RoomNeeds & features) == features)
                    .Select(sp => (Placed[sp.Index], sp.S.Duration, sp.Starts, 1L)).ToList();
                PoolCuts(items, Enumerable.Range(0, P.Rooms.Count).Where(r => usableRooms.Contains(r) && (P.Rooms[r].Features & features) == features)
                    .Select(r => Windows(P.Rooms[r].Open, day.Key, 0)).ToList());
            }
        }
    }

    private static List<(int From, int Until)> Windows(IReadOnlyList<DayWindow> windows, int day, int slack) =>
        windows.Where(x => x.Day == day).Select(x => (x.From, x.Until + slack)).ToList();

    private void PoolCuts(List<(BoolVar Lit, int Length, int[] Starts, long Weight)> items, List<List<(int From, int Until)>> pool)
    {
        if (items.Count < 2) return;
        long Capacity(int a, int b, int per) => pool.Sum(open =>
        {
            var c = open.Sum(w => (long)Math.Max(0, Math.Min(b, w.Until) - Math.Max(a, w.From)));
            return per == 1 ? c : c / per;
        });
        int Least(int a, int b, int length, int[] starts) =>
            Math.Min(Math.Max(0, Math.Min(b, starts[0] + length) - Math.Max(a, starts[0])),
                Math.Max(0, Math.Min(b, starts[^1] + length) - Math.Max(a, starts[^1])));
        var froms = items.Select(x => x.Starts[0]).Distinct().Order().ToArray();
        var untils = items.Select(x => x.Starts[^1] + x.Length).Distinct().Order().ToArray();
        var lengths = items.Select(x => x.Length).Distinct().Order().ToArray();
        long Largest(int a, int b) => pool.Count == 0 ? 0 : pool.Max(open => open.Sum(w => (long)Math.Max(0, Math.Min(b, w.Until) - Math.Max(a, w.From))));
        long Holding(int a, int b, int length) => pool.Count(open => open.Any(w => Math.Min(b, w.Until) - Math.Max(a, w.From) >= length));
        // Weight of a session wholly inside [a, b) in the halves cut: no resource has room for two sessions each longer
        // than half the most open minutes any resource has in [a, b), nor for more than two of exactly half.
        static long Halves(int length, long largest) => 2L * length > largest ? 2 : 2L * length == largest ? 1 : 0;
        // Energy: the minutes the sessions must spend in [a, b) against the pool's open minutes. Count: the sessions of
        // at least L minutes that must lie wholly inside [a, b) against how many such fit in each resource's open minutes.
        // Halves (L = -1, a dual-feasible function of bin packing): a session longer than half a resource's open minutes
        // counts 1 and one of exactly half counts ½, against the resources that can hold one; it sees what the others
        // miss when long sessions leave gaps too short for anything else (two hours in a three-hour evening).
        var cuts = new List<(double Excess, int A, int B, int L)>();
        foreach (var a in froms)
            foreach (var b in untils)
            {
                if (b <= a) continue;
                long total = 0;
                foreach (var (_, length, starts, weight) in items) total += Least(a, b, length, starts) * weight;
                var cap = Capacity(a, b, 1);
                if (total > cap) cuts.Add(((double)(total - cap) / Math.Max(1, cap), a, b, 0));
                foreach (var l in lengths)
                {
                    if (l > b - a) break;
                    long inside = 0;
                    foreach (var (_, length, starts, weight) in items)
                        if (length >= l && Least(a, b, length, starts) == length) inside += weight;
                    if (inside == 0) continue;
                    var fit = Capacity(a, b, l);
                    if (inside > fit) cuts.Add(((double)(inside - fit) / Math.Max(1, fit), a, b, l));
                }
                var largest = Largest(a, b);
                long halves = 0;
                var shortest = int.MaxValue;
                foreach (var (_, length, starts, weight) in items)
                    if (Least(a, b, length, starts) == length && Halves(length, largest) > 0)
                    {
                        halves += Halves(length, largest) * weight;
                        shortest = Math.Min(shortest, length);
                    }
                if (halves > 0)
                {
                    var room = 2 * Holding(a, b, shortest);
                    if (halves > room) cuts.Add(((double)(halves - room) / Math.Max(1, room), a, b, -1));
                }
            }
        foreach (var (_, a, b, l) in cuts.OrderByDescending(c => c.Excess).Take(8))
        {
            var lits = new List<BoolVar>();
            var need = new List<long>();
            if (l == -1)
            {
                var largest = Largest(a, b);
                var shortest = int.MaxValue;
                foreach (var (lit, length, starts, weight) in items)
                {
                    if (Least(a, b, length, starts) != length || Halves(length, largest) == 0) continue;
                    lits.Add(lit);
                    need.Add(Halves(length, largest) * weight);
                    shortest = Math.Min(shortest, length);
                }
                M.Add(LinearExpr.WeightedSum(lits, need) <= 2 * Holding(a, b, shortest));
                continue;
            }
            foreach (var (lit, length, starts, weight) in items)
            {
                var least = Least(a, b, length, starts);
                if (l == 0 ? least <= 0 : length < l || least != length) continue;
                lits.Add(lit);
                need.Add(l == 0 ? least * weight : weight);
            }
            M.Add(LinearExpr.WeightedSum(lits, need) <= Capacity(a, b, l == 0 ? 1 : l));
        }
    }

    /// <summary>A member's own booking literal: chosen and not met jointly (then the lead books for all).</summary>
    private BoolVar AndNot(BoolVar lit, BoolVar joint, int session, Func<Placement, bool> chosen)
    {
        var a = M.NewBoolVar("");
        M.AddImplication(a, lit);
        M.AddImplication(a, joint.Not());
        M.AddBoolOr([lit.Not(), joint, a]);
        _derived.Add((a, plan => plan[session] is { } at && !at.Joint && chosen(at)));
        return a;
    }

    /// <summary>Whether session <paramref name="i"/> books its own room and workers in a plan (not a joint member).</summary>
    private bool Books(int i, Placement?[] plan) =>
        plan[i] is { } at && (!at.Joint || _p.Groups[_p.Sessions[i].Group].Lead == i);

    /// <summary>Rule 4's joint meeting: same start, same room, same workers; all placed; the room holds them all.</summary>
    private void AddBrothersAndSisters(LinearExprBuilder objective)
    {
        var w8 = _p.P.Weights;
        for (var g = 0; g < _p.Groups.Count; g++)
        {
            var group = _p.Groups[g];
            if (!Includes(group.Lead)) continue;
            var j = Joint[g];
            if (j is null)
            {
                objective.Add((long)w8.SiblingsApart * group.Members.Length);
                continue;
            }
            objective.AddTerm(j, -(long)w8.SiblingsApart * group.Members.Length).Add((long)w8.SiblingsApart * group.Members.Length);
            var lead = group.Lead;
            var people = group.Members.Sum(m => _p.Sessions[m].S.People);
            foreach (var m in group.Members)
            {
                M.AddImplication(j, Placed[m]);
                if (m == lead) continue;
                M.Add(Start[m] == Start[lead]).OnlyEnforceIf(j);
                Pair(_p.Sessions[lead].Rooms.Select(o => o.Room).ToArray(), RoomLit[lead], _p.Sessions[m].Rooms.Select(o => o.Room).ToArray(), RoomLit[m], j);
                Pair(_p.Sessions[lead].Workers.Select(o => o.Worker).ToArray(), WorkerLit[lead], _p.Sessions[m].Workers.Select(o => o.Worker).ToArray(), WorkerLit[m], j);
            }
            for (var k = 0; k < _p.Sessions[lead].Rooms.Length; k++)
                if (_p.P.Rooms[_p.Sessions[lead].Rooms[k].Room].Capacity < people) M.AddImplication(RoomLit[lead][k], j.Not());
        }
    }

    /// <summary>When joint, a room (or worker) is chosen by both or by neither.</summary>
    private void Pair(int[] idsA, BoolVar[] litsA, int[] idsB, BoolVar[] litsB, BoolVar joint)
    {
        for (var a = 0; a < idsA.Length; a++)
        {
            var b = Array.IndexOf(idsB, idsA[a]);
            if (b >= 0) M.Add(litsA[a] == litsB[b]).OnlyEnforceIf(joint);
            else M.AddImplication(litsA[a], joint.Not());
        }
        for (var b = 0; b < idsB.Length; b++)
            if (Array.IndexOf(idsA, idsB[b]) < 0) M.AddImplication(litsB[b], joint.Not());
    }

    /// <summary>Whole hours between the busiest worker and the least busy available one.</summary>
    private void AddWorkloadSpread(LinearExprBuilder objective, LinearExprBuilder[] minutes, long[] maxMinutes)
    {
        var weight = _p.P.Weights.WorkloadSpreadPerHour;
        if (weight == 0 || minutes.Length == 0) return;
        // Each worker's whole hours (minutes / 60 rounded down), then the most less the fewest of the available.
        var top = (maxMinutes.Length == 0 ? 0 : maxMinutes.Max()) / 60;
        var most = M.NewIntVar(0, top, "most");
        var fewest = M.NewIntVar(0, top, "fewest");
        var anyAvailable = false;
        for (var w = 0; w < minutes.Length; w++)
        {
            if (maxMinutes[w] == 0)
            {
                if (_p.WorkerAvailableInWeek[w]) M.Add(fewest == 0);
                anyAvailable |= _p.WorkerAvailableInWeek[w];
                continue;
            }
            var h = M.NewIntVar(0, maxMinutes[w] / 60, $"hours{w}");
            M.Add(60 * (LinearExpr)h <= minutes[w]);
            M.Add(minutes[w] <= 60 * (LinearExpr)h + 59);
            _hours.Add((w, h));
            M.Add(most >= h);
            if (_p.WorkerAvailableInWeek[w])
            {
                anyAvailable = true;
                M.Add(fewest <= h);
            }
        }
        if (!anyAvailable) M.Add(fewest == 0);
        var hours = M.NewIntVar(0, top, "spreadHours");
        M.Add(hours == most - fewest);
        objective.AddTerm(hours, weight);
        _spread = (most, fewest, hours);
    }

    /// <summary>Rule 10: a published session stays unless it must move; at most the limit of the others move.</summary>
    private void AddStability(LinearExprBuilder objective)
    {
        var moved = LinearExpr.NewBuilder();
        var any = false;
        foreach (var sp in _p.Sessions)
        {
            if (sp.Published is null || sp.ForcedMove is not null || !Includes(sp.Index)) continue;
            any = true;
            var i = sp.Index;
            var pub = sp.Published;
            var stay = Stay[i] = M.NewBoolVar($"stay{i}");
            moved.Add(1).AddTerm(stay, -1);
            var ok = sp.Unplaceable is null && sp.Starts.Contains(pub.Start);
            if (ok)
            {
                M.AddImplication(stay, Placed[i]);
                M.Add(Start[i] == pub.Start).OnlyEnforceIf(stay);
                if (pub.RoomId is Guid roomId)
                {
                    var k = Array.FindIndex(sp.Rooms, o => _p.P.Rooms[o.Room].Id == roomId);
                    if (k < 0) ok = false;
                    else M.AddImplication(stay, RoomLit[i][k]);
                }
                foreach (var id in pub.WorkerIds)
                {
                    var k = Array.FindIndex(sp.Workers, o => _p.P.Workers[o.Worker].Id == id);
                    if (k < 0) ok = false;
                    else M.AddImplication(stay, WorkerLit[i][k]);
                }
            }
            if (!ok) M.Add(stay == 0);
        }
        if (!any) return;
        objective.Add(_p.P.Weights.MovedFromPublished * (LinearExpr)moved);
        if (_p.MoveLimit is int limit) _moveLimit = M.Add(moved <= limit);
    }

    /// <summary>Used only if rule 10's limit cannot be met at all (stale published clashes): moves stay penalised.</summary>
    public void DropMoveLimit()
    {
        if (_moveLimit is null) return;
        _moveLimit.Proto.ClearConstraint();
        _moveLimit = null;
    }

    private List<(int Place, ILiteral Lit)> Places(int i)
    {
        if (_places.TryGetValue(i, out var list)) return list;
        var sp = _p.Sessions[i];
        list = [];
        if (!sp.S.NeedsRoom) list.Add((sp.S.HomePlace, Placed[i]));
        else
        {
            var byPlace = sp.Rooms.Select((o, k) => (Place: _p.P.Rooms[o.Room].Place, k)).GroupBy(x => x.Place).ToList();
            if (byPlace.Count == 1) list.Add((byPlace[0].Key, Placed[i]));
            else
                foreach (var g in byPlace)
                {
                    var lit = M.NewBoolVar($"at{i}_{g.Key}");
                    M.Add(lit == LinearExpr.Sum(g.Select(x => RoomLit[i][x.k])));
                    var place = g.Key;
                    _derived.Add((lit, plan => plan[i] is { } at && at.Room >= 0 && _p.P.Rooms[at.Room].Place == place));
                    list.Add((place, lit));
                }
        }
        _places[i] = list;
        return list;
    }

    /// <summary>
    /// Rule 6 with travel for sessions <paramref name="a"/> and <paramref name="b"/>: when they share a worker, one
    /// ends, the worker turns round and travels from the one's place to the other's before it starts.
    /// </summary>
    public bool AddTravelCut(int a, int b)
    {
        if (a == b) return false;
        if (a > b) (a, b) = (b, a);
        if (_p.Sessions[a].Workers.Length == 0 || _p.Sessions[b].Workers.Length == 0 || !Includes(a) || !Includes(b)) return false;
        if (_p.Sessions[a].Unplaceable is not null || _p.Sessions[b].Unplaceable is not null) return false;
        if (!_cuts.Add((a, b))) return false;
        var wa = _p.Sessions[a].Workers;
        var wb = _p.Sessions[b].Workers;
        var shared = M.NewBoolVar($"share{a}_{b}");
        for (var ka = 0; ka < wa.Length; ka++)
        {
            var kb = Array.FindIndex(wb, o => o.Worker == wa[ka].Worker);
            if (kb < 0) continue;
            M.AddBoolOr([_workerPresence[a][ka].Not(), _workerPresence[b][kb].Not(), shared]);
        }
        var first = M.NewBoolVar($"first{a}_{b}");
        Order(a, b, shared, first);
        Order(b, a, shared, first.Not());
        _derived.Add((shared, plan => Books(a, plan) && Books(b, plan) && plan[a]!.Workers.Intersect(plan[b]!.Workers).Any()));
        _derived.Add((first, plan => plan[a] is { } x && plan[b] is { } y && x.Start <= y.Start));
        return true;
    }

    private void Order(int from, int to, ILiteral shared, ILiteral firstIsFrom)
    {
        var travel = _p.P.Travel;
        var dur = _p.Sessions[from].S.Duration + RotaProblem.TurnaroundMinutes;
        var toPlaces = Places(to);
        foreach (var (pf, lf) in Places(from))
        {
            var expr = LinearExpr.NewBuilder().Add(Start[to]).AddTerm(Start[from], -1);
            var anyTravel = false;
            foreach (var (pt, lt) in toPlaces)
            {
                var minutes = travel.Between(pf, pt);
                if (minutes == 0) continue;
                anyTravel = true;
                expr.AddTerm((IntVar)lt, -minutes);
            }
            // Without travel between the two places, the worker-day NoOverlap already keeps them apart.
            if (!anyTravel) continue;
            M.Add(expr >= dur).OnlyEnforceIf([shared, firstIsFrom, lf]);
        }
    }

    /// <summary>Starts the search from a plan (complete hint: every decision and derived literal).</summary>
    public void Hint(Placement?[] plan)
    {
        M.ClearHints();
        for (var i = 0; i < plan.Length; i++)
        {
            var sp = _p.Sessions[i];
            var at = plan[i];
            M.AddHint(Placed[i], at is not null && Includes(i));
            if (sp.Unplaceable is not null || !Includes(i)) continue;
            M.AddHint(Start[i], at?.Start ?? sp.Starts[0]);
            for (var k = 0; k < sp.Rooms.Length; k++) M.AddHint(RoomLit[i][k], at is not null && at.Room == sp.Rooms[k].Room);
            for (var k = 0; k < sp.Workers.Length; k++) M.AddHint(WorkerLit[i][k], at is not null && at.Workers.Contains(sp.Workers[k].Worker));
            if (Stay[i] is { } stay) M.AddHint(stay, at is not null && Unmoved(sp, at));
        }
        for (var g = 0; g < Joint.Length; g++)
            if (Joint[g] is { } j) M.AddHint(j, plan[_p.Groups[g].Lead]?.Joint ?? false);
        foreach (var (v, f) in _derived) M.AddHint(v, f(plan));
        if (_spread is var (most, fewest, hours))
        {
            var score = Score.Of(_p, plan, Unmoved);
            M.AddHint(most, score.MostHours);
            M.AddHint(fewest, score.FewestHours);
            M.AddHint(hours, score.SpreadHours);
            foreach (var (w, h) in _hours) M.AddHint(h, score.Minutes[w] / 60);
        }
    }

    public bool Unmoved(SessionPrep sp, Placement at) => _p.Unmoved(sp, at);

    public Placement?[] Extract(Func<ILiteral, bool> value, Func<IntVar, long> intValue)
    {
        var plan = new Placement?[_p.Sessions.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            var sp = _p.Sessions[i];
            if (sp.Unplaceable is not null || !Includes(i) || !value(Placed[i])) continue;
            var room = -1;
            for (var k = 0; k < sp.Rooms.Length; k++) if (value(RoomLit[i][k])) room = sp.Rooms[k].Room;
            var workers = new List<int>();
            for (var k = 0; k < sp.Workers.Length; k++) if (value(WorkerLit[i][k])) workers.Add(sp.Workers[k].Worker);
            var joint = sp.Group >= 0 && Joint[sp.Group] is { } j && value(j);
            plan[i] = new Placement(room, (int)intValue(Start[i]), [.. workers], joint);
        }
        // A joint meeting is one booking: its members share one placement object.
        for (var g = 0; g < Joint.Length; g++)
        {
            var lead = _p.Groups[g].Lead;
            if (plan[lead] is { Joint: true } at) foreach (var m in _p.Groups[g].Members) plan[m] = at;
        }
        return plan;
    }

    private static List<T> Get<TKey, T>(Dictionary<TKey, List<T>> d, TKey key) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        return list;
    }
}
