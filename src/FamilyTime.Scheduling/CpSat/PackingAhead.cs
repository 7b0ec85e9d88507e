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

    /// <summary>The part that gets the MIP (-1: none). Only one: the search packs the others well in about a second
    /// each, while a MIP takes 1–15 s of a core on an area's day and counts only when proven (see
    /// <see cref="UnplacedBound.Pack"/>). Packing every part with excess, one after another, the 2,000-session week's gap
    /// went from 8–11 % to 15–16 % (two runs each, in turn); packing one, 7.2–7.3 %.</summary>
    private readonly int _part = -1;
    private State _state = State.Waiting;
    private Placement?[]? _plan;
    private readonly object _lock = new();

    /// <summary>Less time than this is not worth a MIP's presolve and root.</summary>
    private const double MinSeconds = 1.0;

    /// <summary>The thread's work, for tests: never waited for by the solver (see <see cref="Dispose"/>).</summary>
    internal Task Worker { get; } = Task.CompletedTask;

    /// <param name="parts">Each part's model and excess (first fit's sessions left out beyond those the relaxation says
    /// must be), in the order the search takes them. The part with the most excess gets the MIP (of two alike, the one
    /// the search reaches later); none when no part has excess, or when it is on short candidate lists.</param>
    /// <param name="budget">The seconds the MIP may take; it never runs past <paramref name="until"/>, the searches' end,
    /// on the clock <paramref name="now"/>.</param>
    public PackingAhead(IReadOnlyList<(RotaModel Model, int Excess)> parts, int seed, double budget, Func<double> now, double until,
        CancellationToken cancellationToken)
    {
        _part = Enumerable.Range(0, parts.Count).Where(i => parts[i].Excess > 0 && !parts[i].Model.Restricted)
            .OrderByDescending(i => parts[i].Excess).ThenByDescending(i => i).FirstOrDefault(-1);
        if (_part < 0) return;
        var model = parts[_part].Model;
        Worker = Task.Run(() =>
        {
            var seconds = Math.Min(budget, until - now());
            if (cancellationToken.IsCancellationRequested || seconds < MinSeconds) return;
            lock (_lock)
            {
                if (_state != State.Waiting) return;
                _state = State.Running;
            }
            Placement?[]? plan = null;
            try
            {
                plan = PackedStart.Build(model, seed, seconds, cancellationToken);
            }
            finally
            {
                lock (_lock)
                    if (_state == State.Running)
                    {
                        _plan = plan;
                        _state = State.Done;
                    }
            }
        }, CancellationToken.None);
    }

    /// <summary>The search has reached part <paramref name="index"/>: its packed start when ready, else null (and none is
    /// made for it later).</summary>
    public Placement?[]? Take(int index)
    {
        if (index != _part) return null;
        lock (_lock)
        {
            var plan = _state == State.Done ? _plan : null;
            _state = State.Taken;
            return plan;
        }
    }

    /// <summary>Starts no MIP from now on. One under way ends at its time limit (HiGHS cannot be interrupted through
    /// OR-Tools), at the latest when the searches would have ended; its answer is not used. Not waited for: a week proven
    /// early returns at once.</summary>
    public void Dispose()
    {
        lock (_lock) _state = State.Taken;
    }
}
