namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// A packed start (<see cref="PackedStart"/>) for the decomposed week's part the first fit packs worst, computed on a
/// thread of its own while the search works through the other parts: the search reaches that part last.
/// </summary>
/// <remarks>
/// The search takes the parts easiest first (what an easy part proven early does not use passes to the hard ones), so
/// the part that most needs a packed start is the one it reaches last, 35–45 s into a 1,500-session week's minute: by
/// then its MIP, started as soon as the models are built, has long finished (9–13 s on the benchmark's hardest day). The
/// search never waits for a MIP: a part it reaches before its packed start is ready keeps its first fit, and that MIP is
/// not started (or its answer is not used). One thread more than CP-SAT's workers, for the MIP's time only.
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

    private readonly Entry?[] _entries;
    private volatile bool _stopped;

    /// <summary>The thread's work, for tests: never waited for by the solver (see <see cref="Dispose"/>).</summary>
    internal Task Worker { get; }
    private readonly object _lock = new();

    /// <summary>Less time than this is not worth a MIP's presolve and root.</summary>
    private const double MinSeconds = 1.0;

    /// <summary>How many parts get a MIP: the one the first fit packs worst. The search packs the others well in about a
    /// second each, while a MIP takes 1–15 s of a core on an area's day and counts only when proven (see
    /// <see cref="UnplacedBound.Pack"/>). Packing every part with excess, the 2,000-session week's gap went from 8–11 %
    /// to 15–16 % (two runs each, in turn); packing one, 7.2–7.3 %.</summary>
    private const int MostParts = 1;

    /// <param name="parts">Each part's model and excess (first fit's sessions left out beyond those the relaxation says
    /// must be), in the order the search takes them; a part with no excess, or on short candidate lists, gets none.</param>
    /// <param name="budget">The seconds all the MIPs may take together (each is given what is left of it); none runs past
    /// <paramref name="until"/>, the searches' end, on the clock <paramref name="now"/>.</param>
    public PackingAhead(IReadOnlyList<(RotaModel Model, int Excess)> parts, int seed, double budget, Func<double> now, double until,
        CancellationToken cancellationToken)
    {
        _entries = parts.Select(x => x.Excess > 0 && !x.Model.Restricted ? new Entry(x.Model) : null).ToArray();
        var order = Enumerable.Range(0, parts.Count).Where(i => _entries[i] is not null).OrderByDescending(i => parts[i].Excess).ThenByDescending(i => i).Take(MostParts).ToArray();
        Worker = Task.Run(() =>
        {
            var left = budget;
            foreach (var i in order)
            {
                var from = now();
                var seconds = Math.Min(left, until - from);
                if (_stopped || cancellationToken.IsCancellationRequested || seconds < MinSeconds) return;
                var entry = _entries[i]!;
                lock (_lock)
                {
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
        var entry = _entries[index];
        if (entry is null) return null;
        lock (_lock)
        {
            var plan = entry.State == State.Done ? entry.Plan : null;
            entry.State = State.Taken;
            return plan;
        }
    }

    /// <summary>Starts no more MIPs. One under way ends at its time limit (HiGHS cannot be interrupted through OR-Tools),
    /// at the latest when the searches would have ended; its answer is not used. Not waited for: a week proven early
    /// returns at once.</summary>
    public void Dispose()
    {
        lock (_lock)
            foreach (var entry in _entries.OfType<Entry>()) entry.State = State.Taken;
        _stopped = true;
    }
}
