using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Greedy;
using FamilyTime.Scheduling.Model;
using Xunit.Abstractions;

namespace FamilyTime.Scheduling.Tests.Checking;

/// <summary>Every planner's plans judged by the independent checker on generated weeks (README: "every plan from every planner").</summary>
public class EveryPlannerTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Planners => new() { { "greedy", 21 }, { "cpsat", 21 }, { "cpsat", 22 } };

    [Theory]
    [MemberData(nameof(Planners))]
    public void Every_planners_plan_of_a_generated_week_breaks_no_hard_rule(string planner, int seed)
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(120, seed));
        // A short search is enough for a week this size; the rules hold at any time limit.
        week = week with { Options = week.Options with { TimeLimitSeconds = 5 } };
        IRotaSolver solver = planner == "greedy" ? new GreedyRotaSolver() : new CpSatRotaSolver();

        var plan = solver.Solve(week);

        var violations = RotaChecker.Check(week, plan);
        foreach (var v in violations.Take(20)) output.WriteLine($"{v.Rule} {v.SessionId}: {v.Detail}");
        var score = RotaScorer.Score(week, plan);
        output.WriteLine($"{plan.Stats.Solver}: objective {plan.Stats.Objective}, re-scored {score}");
        Assert.Empty(violations);
        Assert.Equal(week.Sessions.Count, plan.Assignments.Count + plan.Unplaced.Count);
    }

    [Theory]
    [InlineData("greedy", 21)]
    [InlineData("greedy", 22)]
    [InlineData("cpsat", 21)]
    [InlineData("cpsat", 22)]
    public void Every_planners_re_plan_of_a_disrupted_published_week_breaks_no_hard_rule_rule_10_included(string planner, int seed)
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(200, seed));
        week = week with { Options = week.Options with { TimeLimitSeconds = 5 } };
        IRotaSolver solver = planner == "greedy" ? new GreedyRotaSolver() : new CpSatRotaSolver();
        var first = solver.Solve(week);
        var after = WeekDisruption.Disrupt(week, first, seed);

        var plan = solver.Solve(after);

        var violations = RotaChecker.Check(after, plan);
        foreach (var v in violations.Take(20)) output.WriteLine($"{v.Rule} {v.SessionId}: {v.Detail}");
        output.WriteLine($"{plan.Stats.Solver}: moved {plan.Stats.Moved}, re-scored {RotaScorer.Score(after, plan)}");
        Assert.Empty(violations);
    }
}
