namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// Packed starts (<see cref="PackedStart"/>) for the decomposed week's parts the first fit packs badly, computed on a
/// thread of their own while the search works through the other parts: the parts the search reaches last first.
/// </summary>
/// <remarks>
/// The search takes the parts easiest first (what an easy part proven early does not use passes to the hard ones), so
/// the part that most needs a packed start is the one it reaches last, 35–45 s into a 1,500-session week's minute: by
/// then its MIP, started as soon as the models are built, has long finished (9–13 s on the benchmark's hardest day). The
/// search never waits for a MIP: a part it reaches before its packed start is ready keeps its first fit, and that MIP is
/// not started (or its answer is not used). One thread more than CP-SAT's workers, for the MIPs' time only.
/// </remarks>
internal sealed class PackingAhead : IDisposable
{
    private enum State { Waiting, Running, Done, Taken }

    private sealed class Entry(RotaModel model)
    {
        public RotaModel Model { get; } = model;
        public State State { get; set; } = State.Waiting;
        public Placement?[]? Plan { get; set; }
    }

    /// <summary>The parts that get a MIP, by index in the search's order (null: none).</summary>
    private readonly Entry?[] _entries;
    private readonly object _lock = new();

    /// <summary>Less time than this is not worth a MIP's presolve and root.</summary>
    private const double MinSeconds = 1.0;

    /// <summary>The thread's work, for tests: never waited for by the solver (see <see cref="Dispose"/>).</summary>
    internal Task Worker { get; } = Task.CompletedTask;

    /// <summary>Which parts get a MIP, in the order they get it: the part with the most excess (of two alike, the one
    /// the search reaches later), then each other part with excess whose time-indexed model holds travel (a small day:
    /// <see cref="RotaModel.PackingHoldsTravel"/>), the most excess first. A part on short candidate lists gets none.
    /// </summary>
    /// <remarks>
    /// Why not every part with excess: a MIP without travel takes 1–15 s of a core on an area's weekday, and the search
    /// packs most of those well in about a second; packing every part with excess, the 2,000-session week's gap went from
    /// 8–11 % to 15–16 % (two runs each, in turn), packing one 7.2–7.3 %. Why the small days: their packing keeps every
    /// journey, so it places as many sessions as any plan can, in 0.7–12 s on one core (the benchmark's Saturdays), where
    /// the search, learning travel a clash at a time, took 4–8 s of the minute for one Saturday of 30 sessions and in one
    /// run of 11 ended a session short (a week 3.55 % from its bound).
    /// </remarks>
    internal static int[] Chosen(IReadOnlyList<(RotaModel Model, int Excess)> parts)
    {
        var candidates = Enumerable.Range(0, parts.Count).Where(i => parts[i].Excess > 0 && !parts[i].Model.Restricted)
            .OrderByDescending(i => parts[i].Excess).ThenByDescending(i => i).ToArray();
        return [.. candidates.Take(1), .. candidates.Skip(1).Where(i => parts[i].Model.PackingHoldsTravel)];
    }

    /// <param name="parts">Each part's model and excess (first fit's sessions left out beyond those the relaxation says
    /// must be), in the order the search takes them (see <see cref="Chosen"/>).</param>
    /// <param name="budget">The seconds all the MIPs may take together (each is given what is left of it); none runs past
    /// <paramref name="until"/>, the searches' end, on the clock <paramref name="now"/>.</param>
    public PackingAhead(IReadOnlyList<(RotaModel Model, int Excess)> parts, int seed, double budget, Func<double> now, double until,
        CancellationToken cancellationToken)
    {
        _entries = new Entry?[parts.Count];
        var order = Chosen(parts);
        foreach (var i in order) _entries[i] = new Entry(parts[i].Model);
        if (order.Length == 0) return;
        Worker = Task.Run(() =>
        {
            var left = budget;
            foreach (var i in order)
            {
                var from = now();
                var seconds = Math.Min(left, until - from);
                if (cancellationToken.IsCancellationRequested || seconds < MinSeconds) return;
                var entry = _entries[i]!;
                lock (_lock)
                {
                    // Reached by the search already, or the week is over (Dispose).
                    if (entry.State != State.Waiting) continue;
                    entry.State = State.Running;
                }
                Placement?[]? plan = null;
                try
                {
                    plan = PackedStart.Build(entry.Model, seed, seconds, cancellationToken);
                }
                finally
                {
                    left -= now() - from;
                    lock (_lock)
                        if (entry.State == State.Running)
                        {
                            entry.Plan = plan;
                            entry.State = State.Done;
                        }
                }
            }
        }, CancellationToken.None);
    }

    /// <summary>The search has reached part <paramref name="index"/>: its packed start when ready, else null (and none is
    /// made for it later).</summary>
    public Placement?[]? Take(int index)
    {
        if (_entries[index] is not { } entry) return null;
        lock (_lock)
        {
            var plan = entry.State == State.Done ? entry.Plan : null;
            entry.State = State.Taken;
            return plan;
        }
    }

    /// <summary>Starts no MIP from now on. One under way ends at its time limit (HiGHS cannot be interrupted through
    /// OR-Tools), at the latest when the searches would have ended; its answer is not used. Not waited for: a week proven
    /// early returns at once.</summary>
    public void Dispose()
    {
        lock (_lock)
            foreach (var entry in _entries.OfType<Entry>()) entry.State = State.Taken;
    }
}
