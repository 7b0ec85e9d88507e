using System.ComponentModel;
using System.Diagnostics;
using FamilyTime.Scheduling.Greedy;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// The optimiser run in a child process (the solver host, <c>FamilyTime.Scheduling.Host</c>), so a native crash in
/// OR-Tools (a <c>std::terminate</c> no .NET catch can stop) ends that child, never the app. Always returns a plan: the
/// child's, else a fresh child's, else the greedy first-fit with <see cref="RotaStats.Status"/> saying so
/// (<see cref="RotaFallback"/>). Logs nothing itself: <see cref="ChildFailed"/> tells the app what happened.
/// </summary>
/// <remarks>
/// The child gets the problem's own time limit; it is waited for that plus <c>margin</c>. On cancellation or when that
/// wait runs out, its standard input is closed, which asks it to stop its search and write its best plan so far (what
/// <see cref="CpSat.CpSatRotaSolver"/> returns when cancelled in-process); a child that has not ended within
/// <c>stopGrace</c> is killed with its process tree, and the first-fit plan is returned. A child that ends without a
/// plan (a crash, a non-zero exit, output that cannot be read) is tried once more with the time left, as the crash
/// it guards against does not happen every time.
/// </remarks>
public sealed class ProcessRotaSolver(RotaHostCommand? command = null, TimeSpan? margin = null, TimeSpan? stopGrace = null) : IRotaSolver
{
    private const int Attempts = 2;
    private readonly RotaHostCommand _command = command ?? RotaHostCommand.Default();
    private readonly TimeSpan _margin = margin ?? TimeSpan.FromSeconds(30);
    private readonly TimeSpan _stopGrace = stopGrace ?? TimeSpan.FromSeconds(5);

    /// <summary>A child started (raised on the solving thread).</summary>
    public event EventHandler<RotaChildStarted>? ChildStarted;

    /// <summary>A child ended without a plan (raised on the solving thread), with its standard error's last lines.</summary>
    public event EventHandler<RotaChildFailure>? ChildFailed;

    public RotaPlan Solve(RotaProblem problem, IProgress<RotaProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(problem.Options.TimeLimitSeconds);
        var fallback = RotaFallback.Crashed;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // A second child gets the time the first left, so a run never takes much more than the limit the
            // coordinator's settings allow; the optimiser gives at least its first-fit seed in a second.
            var left = limit - clock.Elapsed;
            var seconds = attempt == 1 ? problem.Options.TimeLimitSeconds : Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
            var attemptProblem = seconds == problem.Options.TimeLimitSeconds ? problem
                : problem with { Options = problem.Options with { TimeLimitSeconds = seconds } };
            var last = attempt == Attempts;
            RotaChildOutcome outcome;
            try
            {
                using var child = RotaChild.Start(_command, progress);
                ChildStarted?.Invoke(this, new RotaChildStarted(child.Id, attempt));
                outcome = child.Run(RotaJson.Write(attemptProblem), TimeSpan.FromSeconds(seconds) + _margin, _stopGrace, cancellationToken);
            }
            catch (Win32Exception ex)
            {
                outcome = new RotaChildOutcome(null, RotaChildEnding.Ended, null, $"it could not be started ({_command.FileName}: {ex.Message})", "");
            }
            if (outcome.Plan is { } plan)
            {
                return plan;
            }
            // Cancelled or out of time: another child would only overrun further.
            var giveUp = last || outcome.Ending != RotaChildEnding.Ended || cancellationToken.IsCancellationRequested;
            ChildFailed?.Invoke(this, new RotaChildFailure(problem, attempt, outcome.Reason, outcome.ExitCode, outcome.ErrorTail, giveUp));
            fallback = outcome.Ending switch
            {
                RotaChildEnding.Cancelled => RotaFallback.Stopped,
                RotaChildEnding.TimedOut => RotaFallback.TimedOut,
                _ => RotaFallback.Crashed,
            };
            if (giveUp) break;
        }
        // The first-fit takes no token: it is quick, and a cancelled run still needs a plan to return.
        var firstFit = new GreedyRotaSolver().Solve(problem, progress, CancellationToken.None);
        return firstFit with { Stats = firstFit.Stats with { Status = fallback, SolveTime = clock.Elapsed } };
    }
}
