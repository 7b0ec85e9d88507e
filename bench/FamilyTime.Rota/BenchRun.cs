using System.Diagnostics;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Rota;

/// <summary>One planner on one generated week, judged by the checker and re-scored independently.</summary>
internal sealed record BenchRow(
    int Size, GeneratorSpec Spec, string Solver, int Sessions, int Rooms, int Workers,
    int Placed, int Unplaced, double SameSupervisorRate, int InfantJourneyMinutes, TimeSpan SolveTime, TimeSpan WallTime,
    string Status, long Objective, long Bound, double Gap, long Rescored, int Moved, int Violations,
    IReadOnlyList<RotaViolation> FirstViolations, string? Failed);

internal static class BenchRun
{
    /// <summary>The planner on the generated week; with <c>--replan</c> also on the week after it was published and disrupted.</summary>
    public static IReadOnlyList<BenchRow> Run(int size, string solverName, BenchOptions options)
    {
        var spec = GeneratorSpec.ForSessions(size, options.Seed) with { Load = options.Load };
        if (options.Areas is int areas) spec = spec with { Areas = areas };
        var problem = CityWeekGenerator.Generate(spec);
        problem = problem with
        {
            Options = problem.Options with { TimeLimitSeconds = options.TimeLimitSeconds, Workers = options.Threads, Seed = options.Seed },
        };
        var (row, plan) = Once(size, spec, solverName, problem, "");
        if (!options.Replan || plan is null) return [row];
        // The week after: a few workers off sick for a day, a room out of use; re-plan with the published plan.
        var after = WeekDisruption.Disrupt(problem, plan, options.Seed);
        var (again, _) = Once(size, spec, solverName, after, " re-plan");
        return [row, again];
    }

    private static (BenchRow Row, RotaPlan? Plan) Once(int size, GeneratorSpec spec, string solverName, RotaProblem problem, string label)
    {
        var clock = Stopwatch.StartNew();
        RotaPlan plan;
        try
        {
            plan = SolverFactory.Create(solverName).Solve(problem);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or DllNotFoundException or TypeLoadException)
        {
            return (new BenchRow(size, spec, solverName + label, problem.Sessions.Count, problem.Rooms.Count, problem.Workers.Count,
                0, 0, 0, 0, TimeSpan.Zero, clock.Elapsed, "not run", 0, 0, 0, 0, 0, 0, [], e.Message), null);
        }
        clock.Stop();
        var violations = RotaChecker.Check(problem, plan);
        var score = RotaScorer.Score(problem, plan);
        if (score.Objective != plan.Stats.Objective)
            Console.Error.WriteLine($"  {plan.Stats.Solver} reports objective {plan.Stats.Objective}; re-scored {score}");
        return (new BenchRow(size, spec, plan.Stats.Solver + label, problem.Sessions.Count, problem.Rooms.Count, problem.Workers.Count,
            plan.Assignments.Count, plan.Unplaced.Count, score.SameSupervisorRate, score.InfantJourneyMinutes,
            plan.Stats.SolveTime, clock.Elapsed, plan.Stats.Status, plan.Stats.Objective, plan.Stats.Bound, plan.Stats.Gap,
            score.Objective, score.Moved, violations.Count, violations.Take(10).ToList(), null), plan);
    }
}
