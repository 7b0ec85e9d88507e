using System.Diagnostics;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Greedy;
using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;
using Xunit.Abstractions;

namespace FamilyTime.Scheduling.Tests.Hosting;

/// <summary>
/// The optimiser in a child process: the real solver host gives the in-process plan, and a child that crashes, hangs or
/// is cancelled leaves a valid plan, this process alive and no process behind. Time limits here are safety nets only:
/// the plans are bounded by CP-SAT's deterministic work, so a busy machine is slower, never different.
/// </summary>
public class ProcessRotaSolverTests(ITestOutputHelper output)
{
    /// <summary>A small week searched for a fixed amount of deterministic work with one search worker.</summary>
    private static RotaProblem Week(int sessions = 40, int seed = 5, double work = 0.5)
    {
        var p = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(sessions, seed));
        return p with { Options = p.Options with { TimeLimitSeconds = 300, Workers = 1, Seed = 1, DeterministicTimeLimit = work } };
    }

    [Fact]
    public void The_child_plans_a_week_as_the_in_process_optimiser_does_and_reports_progress()
    {
        var problem = Week();
        var progress = new Reports();
        var solver = new ProcessRotaSolver();
        var failures = new List<RotaChildFailure>();
        solver.ChildFailed += (_, f) => failures.Add(f);

        var clock = Stopwatch.StartNew();
        var plan = solver.Solve(problem, progress);
        var child = clock.Elapsed;
        clock.Restart();
        var inProcess = new CpSatRotaSolver().Solve(problem);
        output.WriteLine($"child {child.TotalMilliseconds:F0} ms, in process {clock.Elapsed.TotalMilliseconds:F0} ms; {progress.Count} progress reports");

        Assert.Empty(failures);
        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal("CP-SAT", plan.Stats.Solver);
        Assert.Equal(RotaJsonTests.Assignments(inProcess.Assignments), RotaJsonTests.Assignments(plan.Assignments));
        Assert.Equal(inProcess.Unplaced, plan.Unplaced);
        Assert.Equal(inProcess.Stats with { SolveTime = TimeSpan.Zero }, plan.Stats with { SolveTime = TimeSpan.Zero });
        Assert.True(progress.Count >= 2, "the seed's progress and the final one at least");
        Assert.Equal(plan.Stats.Objective, progress.Last!.Objective);
    }

    public static TheoryData<string, string> Crashes => new()
    {
        { "aborts (SIGABRT, as std::terminate does)", "kill -ABRT $$" },
        { "exits 1 with a message", "echo 'terminate called after throwing an instance of std::out_of_range' >&2; exit 1" },
        { "writes a plan that cannot be read", "read line; echo 'progress {}'; echo 'plan {not json'" },
        { "ends at once, exit 0, no plan", "exit 0" },
    };

    [Theory]
    [MemberData(nameof(Crashes))]
    public void A_child_that_ends_without_a_plan_is_tried_again_then_the_first_fit_is_returned(string what, string script)
    {
        var problem = Week();
        var solver = new ProcessRotaSolver(Shell(script));
        var failures = new List<RotaChildFailure>();
        var started = new List<int>();
        solver.ChildFailed += (_, f) => failures.Add(f);
        solver.ChildStarted += (_, s) => started.Add(s.ProcessId);

        var plan = solver.Solve(problem);

        output.WriteLine($"{what}: {string.Join(" / ", failures.Select(f => $"{f.Attempt}: {f.Reason} [{f.ErrorTail}]"))}");
        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(problem.Sessions.Count, plan.Assignments.Count + plan.Unplaced.Count);
        Assert.Equal(GreedyRotaSolver.SolverName, plan.Stats.Solver);
        Assert.Equal(RotaFallback.Crashed, plan.Stats.Status);
        Assert.StartsWith("The optimiser stopped unexpectedly, so this is a first-fit plan", plan.Stats.Status, StringComparison.Ordinal);
        Assert.True(RotaFallback.IsFallback(plan.Stats));
        Assert.Equal([1, 2], failures.Select(f => f.Attempt));
        Assert.Equal([false, true], failures.Select(f => f.FallingBack));
        Assert.All(failures, f => Assert.Same(problem, f.Problem));
        Assert.Equal(2, started.Distinct().Count());
        Assert.All(started, pid => Assert.False(Running(pid)));
    }

    [Fact]
    public void A_native_crash_message_on_standard_error_reaches_the_failure()
    {
        var solver = new ProcessRotaSolver(Shell("echo 'what(): absl::btree_map::at' >&2; kill -ABRT $$"));
        var failures = new List<RotaChildFailure>();
        solver.ChildFailed += (_, f) => failures.Add(f);

        solver.Solve(Week());

        Assert.All(failures, f => Assert.Contains("absl::btree_map::at", f.ErrorTail, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.NotEqual(0, f.ExitCode));
    }

    [Fact]
    public void A_command_that_cannot_be_started_gives_the_first_fit()
    {
        var solver = new ProcessRotaSolver(new RotaHostCommand("/nonexistent/familytime-host", []));
        var failures = new List<RotaChildFailure>();
        solver.ChildFailed += (_, f) => failures.Add(f);
        var problem = Week();

        var plan = solver.Solve(problem);

        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(RotaFallback.Crashed, plan.Stats.Status);
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Contains("could not be started", f.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_stops_the_real_child_and_leaves_no_process_behind()
    {
        // A week big enough to be still searching when the first progress arrives, on the clock alone.
        var week = Week(sessions: 140, seed: 8);
        var problem = week with { Options = week.Options with { DeterministicTimeLimit = null, TimeLimitSeconds = 300 } };
        using var cancel = new CancellationTokenSource();
        var progress = new Reports(cancel.Cancel);
        var solver = new ProcessRotaSolver(stopGrace: TimeSpan.FromSeconds(30));
        var started = new List<int>();
        solver.ChildStarted += (_, s) => started.Add(s.ProcessId);

        var clock = Stopwatch.StartNew();
        var plan = solver.Solve(problem, progress, cancel.Token);

        output.WriteLine($"{plan.Stats.Solver} {plan.Stats.Status} after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Empty(RotaChecker.Check(problem, plan));
        var pid = Assert.Single(started);
        Assert.False(Running(pid));
        // The child stopped its search and gave its best plan so far, as the optimiser does when cancelled in-process.
        Assert.Equal("CP-SAT", plan.Stats.Solver);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(150), "stopped well before its 300 s limit");
    }

    [Fact]
    public void Cancelling_kills_a_child_that_does_not_stop_when_asked()
    {
        using var cancel = new CancellationTokenSource();
        var solver = new ProcessRotaSolver(Shell("sleep 600"), stopGrace: TimeSpan.FromSeconds(1));
        var started = new List<int>();
        solver.ChildStarted += (_, s) =>
        {
            started.Add(s.ProcessId);
            cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
        };
        var problem = Week();

        var plan = solver.Solve(problem, null, cancel.Token);

        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(RotaFallback.Stopped, plan.Stats.Status);
        var pid = Assert.Single(started);
        Assert.False(Running(pid));
    }

    [Fact]
    public void A_child_that_overruns_its_time_is_killed_and_not_tried_again()
    {
        var week = Week();
        var problem = week with { Options = week.Options with { TimeLimitSeconds = 1 } };
        var solver = new ProcessRotaSolver(Shell("sleep 600"), margin: TimeSpan.FromSeconds(1), stopGrace: TimeSpan.FromSeconds(1));
        var started = new List<int>();
        var failures = new List<RotaChildFailure>();
        solver.ChildStarted += (_, s) => started.Add(s.ProcessId);
        solver.ChildFailed += (_, f) => failures.Add(f);

        var plan = solver.Solve(problem);

        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(RotaFallback.TimedOut, plan.Stats.Status);
        Assert.True(Assert.Single(failures).FallingBack);
        Assert.False(Running(Assert.Single(started)));
    }

    private static RotaHostCommand Shell(string script) => new("/bin/sh", ["-c", script]);

    private static bool Running(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Progress as reported (synchronously, unlike <see cref="Progress{T}"/>), with an optional action on the first.</summary>
    private sealed class Reports(Action? onFirst = null) : IProgress<RotaProgress>
    {
        private readonly Lock _gate = new();
        private readonly List<RotaProgress> _all = [];

        public int Count
        {
            get { lock (_gate) return _all.Count; }
        }

        public RotaProgress? Last
        {
            get { lock (_gate) return _all.LastOrDefault(); }
        }

        public void Report(RotaProgress value)
        {
            bool first;
            lock (_gate)
            {
                _all.Add(value);
                first = _all.Count == 1;
            }
            if (first) onFirst?.Invoke();
        }
    }
}
