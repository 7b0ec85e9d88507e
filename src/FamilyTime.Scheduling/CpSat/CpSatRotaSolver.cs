using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// The weekly rota optimiser (Google OR-Tools CP-SAT). Always returns a plan: every session is placed or listed with a
/// reason, pins hold, at most the allowed share of published sessions move, and each assignment says why.
/// </summary>
/// <remarks>
/// How it runs: the sessions' options are filtered by every rule that concerns one session alone (<see cref="Prepared"/>);
/// a first-fit plan that keeps every rule is built (<see cref="SeedPlanner"/>) and given to CP-SAT as a complete hint.
/// A week of up to <see cref="RotaOptions.DecomposeAboveSessions"/> sessions, or one with a published plan that rule 10
/// limits, is solved as one model (<see cref="RotaModel"/>); a bigger one in parts: each day, and within a day each group
/// of sessions that share no room, worker, child or parent (a city's areas), first each part in turn, then the time left
/// to the parts not proven optimal.
/// Travel clashes found in an answer are added as constraints and the model re-solved from the mended answer until
/// none are left or time runs out. An answer with clashes is mended by choosing its workers again with every room and
/// start kept (<see cref="Restaffing"/>), else repaired by re-seating or leaving out a session. Last, a published session
/// moved when its place is still free goes back there if the week scores better for it (<see cref="PutBack"/>).
/// <see cref="RotaStats.Bound"/> is proven: every model solved is a relaxation of the week (or of one part's share of
/// it), so the best bound of the week's model, or the sum of the parts' bounds plus the certain penalties of sessions
/// nothing can hold, is a lower bound on the objective of any plan whose starts lie on the 15-minute grid. The one
/// exception is a part of more than <see cref="RestrictAboveSessions"/> sessions (a day of a big week whose sessions all
/// share one pool of rooms and workers): its model holds each session's short candidate lists
/// (<see cref="Prepared.Restricted"/>), and its bound is CP-SAT's proven bound of that model, not of every plan of it.
/// Deterministic for a fixed <see cref="RotaOptions.Seed"/> with <see cref="RotaOptions.Workers"/> = 1 and a
/// <see cref="RotaOptions.DeterministicTimeLimit"/>; with more search workers, or the clock as the limit, CP-SAT may
/// find different plans of similar quality.
/// </remarks>
public sealed class CpSatRotaSolver : IRotaSolver
{
    /// <summary>Above this many sessions in one model presolve is kept light (see the solver parameters).</summary>
    private const int LargeWeek = 600;

    /// <summary>A decomposed week's part (one day of sessions that share rooms, workers or people) with more sessions
    /// than this is solved on short candidate lists: a full model of it is too big to search well in the time.</summary>
    private const int RestrictAboveSessions = 150;

    /// <summary>The share of the time the first pass over a decomposed week's parts may use; the rest goes to the
    /// parts it did not prove optimal.</summary>
    private const double FirstPassShare = 0.7;

    /// <summary>The share of the time limit the packing MIPs (<see cref="PackingAhead"/>) may take together, on a thread
    /// beside the search: on the benchmark's hardest day HiGHS needed 9–13 s of one core while the search ran, and at a
    /// quarter of the minute (15 s) it once ran out of time.</summary>
    private const double PackShare = 0.4;

    /// <summary>The candidate lists per session of such a part (see <see cref="Prepared.Restricted"/>).</summary>
    private const int CandidateWorkers = 3, CandidateRooms = 3, CandidateGrid = 30;

    public RotaPlan Solve(RotaProblem problem, IProgress<RotaProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        var p = new Prepared(problem);
        var seedOcc = new Occupancy(p);
        var seed = SeedPlanner.Build(p, seedOcc);
        var run = new Run(p, problem.Options, clock, progress, cancellationToken);
        var seedScore = Score.Of(p, seed, p.Unmoved);
        progress?.Report(new RotaProgress(clock.Elapsed, seedScore.Objective, 0, seedScore.Placed));

        Placement?[] best;
        long bound;
        string status;
        if (Decompose(problem))
        {
            // A week solved in parts: each day on its own (a session's day is fixed), and within a day each group of
            // sessions that share no room, worker, child or parent with another group (a city's areas, each with its
            // own venues and team). Sound because the parts share only weekly terms: each part's model leaves out the
            // workload spread (a non-negative term, so leaving it out keeps the part's bound a bound) and caps each
            // worker at their whole week's hours (a relaxation); the parts' plans are then joined and any worker over
            // their weekly hours has sessions re-seated or left unplaced. The week's objective is the parts' per-session
            // terms plus the spread, so the sum of the parts' proven bounds is a proven bound of the week. (Rule 10
            // couples the days too: a week with a published plan is not decomposed.)
            best = (Placement?[])seed.Clone();
            bound = 0;
            status = "OPTIMAL";
            var parts = Parts(p);
            // A part too big for a full model holds each session's short candidate lists (see Prepared.Restricted): the
            // seed plan's choices stay in them, so the seed is a complete, feasible hint. Such a part's bound is CP-SAT's
            // proven bound of its restricted model, not of every plan of it.
            var restricted = parts.Any(x => x.Length > RestrictAboveSessions)
                ? p.Restricted(seed, CandidateWorkers, CandidateRooms, CandidateGrid) : p;
            // Each part's model, and the first-fit plan of its sessions to start from. Built on as many threads as the
            // search may use (each model and its relaxation are the part's own; what they read is not changed), which
            // saves about 0.8 s of the 3.1 s a 1,500-session week's models took on two cores.
            var prepared = parts.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, problem.Options.Workers)).Select(part =>
            {
                var include = new bool[p.Sessions.Length];
                foreach (var i in part) include[i] = true;
                var mp = part.Length > RestrictAboveSessions ? restricted : p;
                var model = new RotaModel(mp, include);
                AddLikelyTravelCuts(mp, model, seedOcc);
                var start = (Placement?[])seed.Clone();
                for (var i = 0; i < start.Length; i++) if (!include[i]) start[i] = null;
                // The sessions the first fit left out beyond those the relaxation says must be: a measure of how hard
                // the part is to pack, and where the search has the most to gain (on most parts the relaxation is
                // exact, and CP-SAT soon matches it).
                var excess = Math.Max(0, model.UnplacedIn(start) - model.Unplaceable - model.LeastUnplaced);
                return (Part: part, Include: include, Model: model, Start: start, Excess: excess);
            }).ToList();
            // A part's weight for the time: its sessions, and ten more for each session of excess. The parts with the
            // least excess go first: what they leave of their time when proven early passes to the harder ones.
            int Weight(int[] part, int excess) => part.Length + 10 * excess;
            prepared = [.. prepared.OrderBy(x => x.Excess)];
            var total = Math.Max(1, prepared.Sum(x => Weight(x.Part, x.Excess)));
            var done = 0;
            var pieces = new List<Piece>();
            // The part the first fit packs worst, then the small days with excess, get packed starts from a MIP
            // (PackedStart), computed on a thread of their own while the search works through the easier parts
            // (PackingAhead.Chosen). Not when asked for one thread or for a deterministic run (the MIP's time limit is the
            // clock's).
            using var packing = problem.Options.Workers >= 2 && problem.Options.DeterministicTimeLimit is null
                ? new PackingAhead([.. prepared.Select(x => (x.Model, x.Excess))], problem.Options.Seed, PackShare * problem.Options.TimeLimitSeconds,
                    () => clock.Elapsed.TotalSeconds, Run.SearchLimit(problem.Options.TimeLimitSeconds), cancellationToken)
                : null;
            var index = -1;
            foreach (var (part, include, model, first, excess) in prepared)
            {
                index++;
                var start = first;
                if (packing?.Take(index) is { } packed && Score.Of(p, packed, p.Unmoved, include).Objective < Score.Of(p, first, p.Unmoved, include).Objective)
                    start = packed;
                // First pass: each part gets its weight's share of most of the remaining time; a part proven optimal
                // early leaves its time to those after it, and what is left at the end goes to the parts not proven.
                var share = FirstPassShare * Weight(part, excess) / Math.Max(1, total - done);
                done += Weight(part, excess);
                var (plan, partBound, partStatus) = run.Rounds(model, start, share, report: false);
                var piece = new Piece(part, include, model, plan, Math.Max(0, partBound), partStatus);
                pieces.Add(piece);
                foreach (var i in part) best[i] = plan[i];
                // A part's own objective means little on the coordinator's page: report the week so far after each.
                var sofar = Score.Of(p, best, p.Unmoved);
                progress?.Report(new RotaProgress(clock.Elapsed, sofar.Objective, pieces.Sum(x => x.Bound), sofar.Placed));
            }
            // Second pass: the rest of the time to the parts not proven optimal, the widest gap first and in proportion
            // to their gaps; each search starts from its part's best plan, and the better of its bounds counts.
            // Each part's gap is scored once, when the first pass is over.
            var open = pieces.Where(x => x.Status != "OPTIMAL")
                .Select(x => (Piece: x, Gap: Math.Max(0, Score.Of(p, x.Plan, p.Unmoved, x.Include).Objective - x.Bound)))
                .Where(x => x.Gap > 0).OrderByDescending(x => x.Gap).ToList();
            var gapLeft = open.Sum(x => x.Gap);
            foreach (var (piece, gap) in open)
            {
                if (cancellationToken.IsCancellationRequested) break;
                var share = (double)gap / Math.Max(1, gapLeft);
                gapLeft -= gap;
                var (plan, partBound, partStatus) = run.Rounds(piece.Model, piece.Plan, share, report: false);
                piece.Plan = plan;
                piece.Bound = Math.Max(piece.Bound, partBound);
                piece.Status = partStatus;
                foreach (var i in piece.Part) best[i] = plan[i];
                var sofar = Score.Of(p, best, p.Unmoved);
                progress?.Report(new RotaProgress(clock.Elapsed, sofar.Objective, pieces.Sum(x => x.Bound), sofar.Placed));
            }
            bound = pieces.Sum(x => x.Bound);
            if (pieces.Any(x => x.Status != "OPTIMAL")) status = "FEASIBLE";
            // The unplaceable sessions' penalty is certain: it belongs in the bound too.
            bound += (long)problem.Weights.Unplaced * p.Sessions.Count(x => x.Unplaceable is not null)
                + p.Groups.Where(g => !g.JointPossible && g.Members.Any(m => p.Sessions[m].Unplaceable is not null) && g.Members.All(m => p.Sessions[m].Unplaceable is not null))
                    .Sum(g => (long)problem.Weights.SiblingsApart * g.Members.Length);
            KeepWeeklyHours(p, best);
            FillIn(p, best);
        }
        else
        {
            var weekModel = new RotaModel(p);
            AddLikelyTravelCuts(p, weekModel, seedOcc);
            (best, bound, status) = run.Rounds(weekModel, seed, 1.0, report: true);
        }

        // A session moved for nothing goes back where carers and the family know it (see PutBack).
        PutBack.Apply(p, best);
        var finalOcc = Occupy(p, best);
        var final = Score.Of(p, best, p.Unmoved);
        var assignments = new List<RotaAssignment>();
        var unplaced = new List<UnplacedSession>();
        var moveLimitReached = p.MoveLimit is int ml && final.Moved >= ml;
        foreach (var sp in p.Sessions)
        {
            var at = best[sp.Index];
            if (at is null)
            {
                unplaced.Add(new UnplacedSession(sp.S.Id, sp.Unplaceable ?? Diagnosis.Taken(p, finalOcc, sp, moveLimitReached)));
                continue;
            }
            var unmoved = sp.Published is not null && p.Unmoved(sp, at);
            assignments.Add(new RotaAssignment(
                sp.S.Id,
                at.Room >= 0 ? problem.Rooms[at.Room].Id : null,
                at.Start,
                at.Workers.Select(w => problem.Workers[w].Id).ToList(),
                Explainer.Reasons(p, finalOcc, best, sp, at, unmoved)));
        }
        var objective = final.Objective;
        var proven = Math.Min(bound, objective);
        var stats = new RotaStats(
            Solver: "CP-SAT",
            Status: proven >= objective ? "OPTIMAL" : cancellationToken.IsCancellationRequested ? "STOPPED" : status == "OPTIMAL" ? "FEASIBLE" : status,
            Objective: objective,
            Bound: proven,
            Gap: (double)(objective - proven) / Math.Max(1, objective),
            SolveTime: clock.Elapsed,
            Placed: final.Placed,
            Unplaced: final.Unplaced,
            Moved: final.Moved,
            SameSupervisorRate: final.SameSupervisorRate,
            InfantJourneyMinutes: final.InfantMinutes);
        progress?.Report(new RotaProgress(clock.Elapsed, objective, proven, final.Placed));
        return new RotaPlan(assignments, unplaced, stats);
    }

    /// <summary>
    /// The parts a decomposed week is solved in: for each day, the groups of placeable sessions linked by a room or a
    /// worker either could have, a child, a parent or brothers and sisters meeting together (union-find). Two parts
    /// share nothing a hard rule couples within a day, so each can be solved on its own.
    /// </summary>
    private static List<int[]> Parts(Prepared p)
    {
        var parent = Enumerable.Range(0, p.Sessions.Length).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b) => parent[Find(a)] = Find(b);
        var placeable = p.Sessions.Where(x => x.Unplaceable is null).ToList();
        foreach (var day in placeable.GroupBy(x => x.S.Day))
        {
            var rooms = new Dictionary<int, int>();
            var workers = new Dictionary<int, int>();
            var people = new Dictionary<Guid, int>();
            void Link<TKey>(Dictionary<TKey, int> first, TKey key, int session) where TKey : notnull
            {
                if (first.TryGetValue(key, out var other)) Union(session, other);
                else first[key] = session;
            }
            foreach (var x in day)
            {
                foreach (var r in x.Rooms) Link(rooms, r.Room, x.Index);
                foreach (var w in x.Workers) Link(workers, w.Worker, x.Index);
                Link(people, x.S.ChildId, x.Index);
                foreach (var parentId in x.S.ParentIds) Link(people, parentId, x.Index);
                if (x.Group >= 0) Union(x.Index, p.Groups[x.Group].Lead);
            }
        }
        return placeable.GroupBy(x => (x.S.Day, Root: Find(x.Index)))
            .Select(g => g.Select(x => x.Index).ToArray())
            .OrderBy(g => p.Sessions[g[0]].S.Day).ThenBy(g => g[0])
            .ToList();
    }

    /// <summary>One part of a decomposed week: its sessions, model, best plan so far, proven bound and status.</summary>
    private sealed class Piece(int[] part, bool[] include, RotaModel model, Placement?[] plan, long bound, string status)
    {
        public int[] Part { get; } = part;
        public bool[] Include { get; } = include;
        public RotaModel Model { get; } = model;
        public Placement?[] Plan { get; set; } = plan;
        public long Bound { get; set; } = bound;
        public string Status { get; set; } = status;
    }

    private static bool Decompose(RotaProblem problem) =>
        problem.Sessions.Count > problem.Options.DecomposeAboveSessions && (problem.Published.Count == 0 || problem.Options.MaxMovedShare is null);

    /// <summary>After the days are joined: a worker over their weekly hours loses sessions (latest first), which are
    /// seated again with someone else where possible.</summary>
    private static void KeepWeeklyHours(Prepared p, Placement?[] plan)
    {
        var occ = Occupy(p, plan);
        var removed = new List<int[]>();
        for (var w = 0; w < p.P.Workers.Count; w++)
        {
            while (occ.WorkerMinutes[w] > p.P.Workers[w].MaxMinutesPerWeek)
            {
                var last = Enumerable.Range(0, plan.Length).Where(i => plan[i] is { } at && at.Workers.Contains(w) && !p.Sessions[i].Pinned)
                    .OrderByDescending(i => p.Sessions[i].S.Day).ThenByDescending(i => plan[i]!.Start).FirstOrDefault(-1);
                if (last < 0) break;
                var members = SeedPlanner.MembersOf(p, plan, last);
                occ.Remove(members, plan[last]!);
                foreach (var m in members) plan[m] = null;
                removed.Add(members);
            }
        }
        foreach (var members in removed)
        {
            if (members.Length > 1 && SeedPlanner.TryPlace(p, occ, plan, members, joint: true)) continue;
            foreach (var m in members) SeedPlanner.TryPlace(p, occ, plan, [m], joint: false);
        }
    }

    /// <summary>After a city week's days are joined: a session left out is offered every suitable option again (the
    /// days' models held only candidate lists), first fit; a session placed saves the Unplaced penalty.</summary>
    private static void FillIn(Prepared p, Placement?[] plan)
    {
        var occ = Occupy(p, plan);
        foreach (var g in p.Groups.Where(g => g.JointPossible && g.Members.All(m => plan[m] is null)))
            SeedPlanner.TryPlace(p, occ, plan, g.Members, joint: true);
        foreach (var s in p.Sessions.Where(x => plan[x.Index] is null && x.Unplaceable is null))
            SeedPlanner.TryPlace(p, occ, plan, [s.Index], joint: false);
    }

    /// <summary>One search: solve, add the travel clashes found as constraints, solve again from the repaired plan.</summary>
    private sealed class Run(Prepared p, RotaOptions options, Stopwatch clock, IProgress<RotaProgress>? progress, CancellationToken cancellationToken)
    {
        private double _workUsed;

        /// <summary>The least time (and deterministic work) one search is given, however small its share. A part of a
        /// few sessions is solved and proven in milliseconds, but its share of a big week (a Sunday's three sessions:
        /// 0.08 s) was below what one round needs, so it kept the first fit's plan and a bound of 0.</summary>
        private const double MinSeconds = 0.3, MinWork = 0.05;

        /// <summary>A day of a city week (candidate lists) leaves more time for a second round to fix its travel clashes,
        /// which otherwise are repaired by leaving sessions out.</summary>
        private static double FirstRoundShare(RotaModel model) => model.Restricted ? 0.6 : 0.85;

        /// <summary>When the searches stop: a little before the time limit, so that the mend, the joining of the parts and
        /// the reasons still end within it (a 60-second limit gave solve times of up to 60.1 s).</summary>
        public static double SearchLimit(int seconds) => Math.Max(0.5, seconds - Math.Max(0.2, 0.005 * seconds));

        /// <param name="share">The share of the remaining time (and work) this search may use.</param>
        public (Placement?[] Plan, long Bound, string Status) Rounds(RotaModel model, Placement?[] start, double share, bool report)
        {
            var best = start;
            var bestScore = Score.Of(p, best, model.Unmoved);
            // Proven before any search: the sessions nothing can hold and those the relaxation says must be left out
            // (every other term of the objective is at least 0). A search cut short keeps at least this bound.
            var least = model.Least;
            // CP-SAT's best bound of the model's objective with the certain penalties it leaves out added back
            // (RotaModel.Certain); it counts each pinned session left out heavily (RotaModel.PinPenalty): turned into
            // the week's when the best plan is known.
            long? modelBound = null;
            // The bound of the week's objective (or the part's share of it) proven so far, given the best plan's pins.
            long Proven() => Math.Max(least, (modelBound ?? 0) - model.PinPenalty(i => best[i] is not null));
            var status = "FEASIBLE (first fit only)";
            var limit = SearchLimit(options.TimeLimitSeconds);
            var now = clock.Elapsed.TotalSeconds;
            var deadline = Math.Min(limit, now + Math.Max(MinSeconds, (limit - now) * share));
            var workLimit = options.DeterministicTimeLimit is double wl0
                ? Math.Min(wl0, _workUsed + Math.Max(MinWork, (wl0 - _workUsed) * share)) : (double?)null;
            var workUsed = _workUsed;
            // The week's last search: nothing after it needs the time it does not use (see the end of a round).
            var last = workLimit is double wt ? wt >= options.DeterministicTimeLimit : deadline >= limit;
            for (var round = 1; !cancellationToken.IsCancellationRequested; round++)
            {
                var remaining = deadline - clock.Elapsed.TotalSeconds;
                if (remaining < 0.2 || workLimit - workUsed < 0.01) break;
                model.Hint(best);
                // Later rounds only need to fix a few travel clashes (and a big model spends much of a round in
                // presolve): the first round takes most of the time, but keeps a share back for them.
                var budget = round == 1 ? Math.Max(Math.Min(remaining, 1.0), remaining * FirstRoundShare(model)) : remaining;
                var work = workLimit is double wl ? (round == 1 ? (wl - workUsed) * FirstRoundShare(model) : wl - workUsed) : (double?)null;
                var solver = new CpSolver
                {
                    StringParameters = string.Create(CultureInfo.InvariantCulture,
                        $"num_workers:{Math.Max(1, options.Workers)},random_seed:{options.Seed},max_time_in_seconds:{budget:0.###},relative_gap_limit:{options.RelativeGapLimit:0.######}")
                        + (work is double d ? string.Create(CultureInfo.InvariantCulture, $",max_deterministic_time:{d:0.###}") : "")
                        // A city week's model has tens of thousands of literals: probing them in presolve costs more time
                        // than it saves, and one presolve pass is enough (each round re-presolves anyway).
                        + (model.SessionCount > LargeWeek ? ",cp_model_probing_level:0,max_presolve_iterations:1" : ""),
                };
                // What the earlier rounds proved, in the model's own terms (its objective with the pin penalties, without
                // the certain penalties): CP-SAT's bound of a later round starts lower (a new model), so the callback stops
                // the search at CP-SAT's own gap limit of the better of the two.
                var earlier = Math.Max(modelBound ?? 0, least) - model.Certain;
                var callback = new Progress(model, report ? progress : null, clock, least, bestScore.Objective, earlier, options.RelativeGapLimit);
                CpSolverStatus result;
                using (cancellationToken.Register(solver.StopSearch))
                    result = solver.Solve(model.M, callback);

                workUsed += solver.Response?.DeterministicTime ?? 0;
                if (result == CpSolverStatus.Infeasible)
                {
                    // Only rule 10's hard limit can make the model infeasible (published sessions that now clash with one
                    // another beyond the limit); drop it and keep moves penalised rather than return nothing.
                    model.DropMoveLimit();
                    continue;
                }
                // Nothing found yet (a big week on a busy machine may spend its first budget in presolve): go on with the
                // rest of the time; the first-fit plan stands meanwhile.
                if (result is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) continue;
                modelBound = Math.Max(modelBound ?? 0, (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6) + model.Certain);
                var plan = model.Extract(solver.BooleanValue, v => solver.Value(v));
                var occ = Occupy(p, plan);
                var clashes = occ.TravelClashes().ToList();
                var added = clashes.Count(c => model.AddTravelCut(c.A, c.B));
                // The sessions around a clash are the likeliest to clash next: guard every pair that shares the worker on
                // that day, and every pair this answer put one after the other.
                foreach (var (w, a, b) in clashes)
                    foreach (var other in model.Prep.Sessions.Where(x => x.S.Day == p.Sessions[a].S.Day && x.Workers.Any(o => o.Worker == w)))
                    {
                        model.AddTravelCut(a, other.Index);
                        model.AddTravelCut(b, other.Index);
                    }
                if (clashes.Count > 0) foreach (var (a, b) in occ.Neighbours()) model.AddTravelCut(a, b);
                // Mended within the model's own options, so that the plan stays a feasible hint of the next round: first
                // by choosing the workers again with every room and start kept, else by leaving sessions out.
                if (clashes.Count > 0)
                {
                    // With a deterministic limit the clock is only a safety net (a busy machine must not cut the mend
                    // short, or the same seed would give another plan).
                    var left = deadline - clock.Elapsed.TotalSeconds;
                    var (mendSeconds, mendLimit) = workLimit is double wm
                        ? (Math.Max(1.0, left), Math.Min(1.0, Math.Max(0.01, (wm - workUsed) / 4)))
                        : (Math.Min(1.0, Math.Max(0.1, left / 4)), (double?)null);
                    var (mended, mendWork) = Restaffing.Mend(model, plan, options.Seed, options.Workers, mendSeconds, mendLimit, cancellationToken);
                    workUsed += mendWork;
                    if (mended is not null && !Occupy(p, mended).TravelClashes().Any()) plan = mended;
                    else SeedPlanner.Repair(model.Prep, occ, plan);
                }
                var score = Score.Of(p, plan, model.Unmoved);
                if (Better(p, score, plan, bestScore, best))
                {
                    best = plan;
                    bestScore = score;
                }
                status = clashes.Count == 0 && result == CpSolverStatus.Optimal ? "OPTIMAL" : "FEASIBLE";
                // A plan mended after a round that ended on travel clashes is often already as good as the bound that
                // round proved (the mend chose other workers at no cost): the next round would only prove it again,
                // 0.2-1 s each on a city week's parts, time the week's hardest part lacks. So the search stops as CP-SAT
                // itself stops, within its gap limit of what a plan can change (RotaModel.Certain): that started the
                // hardest part 4.8 s sooner (bench/README.md). The same holds for a round the callback stopped at the
                // bound an earlier round proved (Progress). (Not while the best plan is still beyond rule 10's limit: the
                // bound is of the plans within it.)
                if ((p.MoveLimit is not int moveLimit || bestScore.Moved <= moveLimit)
                    && GapClosed(Score.Of(p, best, model.Unmoved, model.Include).Objective, Proven(), model.Certain, options.RelativeGapLimit))
                {
                    status = "OPTIMAL";
                    break;
                }
                if (clashes.Count > 0 && added == 0) break;
                // No clash left: done when proven. The week's last search goes on from its best plan with the share its
                // first round kept back for clashes that did not come, when that is enough to be worth a presolve (any
                // other search leaves it to the searches after it: spent on a part's small soft gap, it cost the hardest
                // part 4-6 s of its time).
                if (clashes.Count == 0 && (result == CpSolverStatus.Optimal || !last
                        || (workLimit is double wr ? wr - workUsed < MinWork : deadline - clock.Elapsed.TotalSeconds < 1.0))) break;
            }

            _workUsed = workUsed;
            var bound = Proven();
            return (best, bound, status);
        }
    }

    /// <summary>Whether a plan of this objective is within the relative gap limit of a proven bound, as CP-SAT measures
    /// it for the objective it minimises (the week's less the penalties every plan pays, <see cref="RotaModel.Certain"/>):
    /// (objective - bound) / max(1, objective - certain). Applied to a plan CP-SAT did not find itself.</summary>
    internal static bool GapClosed(long objective, long bound, long certain, double relativeGapLimit) =>
        objective - bound <= relativeGapLimit * Math.Max(1, objective - certain);

    /// <summary>
    /// Clashes the search is most likely to make, added before the first solve so that fewer rounds are needed: two
    /// sessions on one day with the same previous supervisor (keeping the supervisor puts them together), and the
    /// sessions the first-fit plan gave one worker in a row.
    /// </summary>
    private static void AddLikelyTravelCuts(Prepared p, RotaModel model, Occupancy seed)
    {
        foreach (var g in p.Sessions.Where(s => s.Unplaceable is null && s.S.PreviousSupervisorId is not null && s.Workers.Length > 0)
                     .GroupBy(s => (s.S.PreviousSupervisorId, s.S.Day)))
        {
            var list = g.ToList();
            for (var a = 0; a < list.Count; a++)
                for (var b = a + 1; b < list.Count; b++) model.AddTravelCut(list[a].Index, list[b].Index);
        }
        foreach (var (a, b) in seed.Neighbours()) model.AddTravelCut(a, b);
    }

    /// <summary>A plan within rule 10's limit beats one beyond it (the first-fit seed may exceed it when pins push
    /// published sessions aside); then more pins held; then the lower objective.</summary>
    private static bool Better(Prepared p, Score score, Placement?[] plan, Score bestScore, Placement?[] best)
    {
        bool Within(Score x) => p.MoveLimit is not int limit || x.Moved <= limit;
        if (Within(score) != Within(bestScore)) return Within(score);
        var pins = PinsHeld(p, plan) - PinsHeld(p, best);
        if (pins != 0) return pins > 0;
        return score.Objective <= bestScore.Objective;
    }

    private static int PinsHeld(Prepared p, Placement?[] plan) => p.Sessions.Count(s => s.Pinned && plan[s.Index] is not null);

    /// <summary>What a plan books: each meeting once (brothers and sisters meeting together share one placement).</summary>
    internal static Occupancy Occupy(Prepared p, Placement?[] plan)
    {
        var occ = new Occupancy(p);
        var done = new HashSet<Placement>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < plan.Length; i++)
        {
            var at = plan[i];
            if (at is null || !done.Add(at)) continue;
            occ.Add(SeedPlanner.MembersOf(p, plan, i), at);
        }
        return occ;
    }

    /// <summary>Reports each better plan CP-SAT finds: its objective, the bound and how many sessions it places, in
    /// the week's terms (the model's objective less its pin penalty, see <see cref="RotaModel.PinPenalty"/>, plus the
    /// certain penalties it leaves out, <see cref="RotaModel.Certain"/>). And stops the search at a plan within CP-SAT's
    /// relative gap limit of the bound earlier rounds proved (<paramref name="earlierModelBound"/>, in the model's terms).
    /// </summary>
    /// <remarks>Why the stop: a round after travel clashes re-solves a model with more cuts, and CP-SAT proves its bound
    /// again from the start, though a plan at the bound already proved needs no more search. Traced once on a Saturday
    /// of 30 sessions: its third round reached the second's bound 0.9 s into a budget of 2.9 s and stopped there.
    /// </remarks>
    private sealed class Progress(RotaModel model, IProgress<RotaProgress>? progress, Stopwatch clock, long earlierBound, long earlierBest,
        long earlierModelBound, double relativeGapLimit)
        : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            var found = (long)Math.Round(ObjectiveValue());
            if (GapClosed(found, earlierModelBound, 0, relativeGapLimit)) StopSearch();
            if (progress is null) return;
            var toWeek = model.Certain - model.PinPenalty(i => BooleanValue(model.Placed[i]));
            var objective = found + toWeek;
            // A later round re-solves a tighter model: only a better plan than the best so far is news.
            if (objective >= earlierBest) return;
            var placed = model.Placed.Count(BooleanValue);
            var bound = Math.Max(earlierBound, (long)Math.Ceiling(BestObjectiveBound() - 1e-6) + toWeek);
            progress.Report(new RotaProgress(clock.Elapsed, objective, bound, placed));
        }
    }
}
