using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Greedy;

namespace FamilyTime.Scheduling.Tests.Generation;

public class WeekDisruptionTests
{
    private static readonly Model.RotaProblem Week = CityWeekGenerator.Generate(GeneratorSpec.Small(5));
    private static readonly Model.RotaPlan Plan = new GreedyRotaSolver().Solve(Week);

    [Fact]
    public void A_disrupted_week_publishes_the_plan_and_takes_a_day_from_some_workers_and_a_room()
    {
        var after = WeekDisruption.Disrupt(Week, Plan, seed: 1);
        Assert.Same(Plan.Assignments, after.Published);
        Assert.Equal(Week.Sessions, after.Sessions);
        var lessAvailable = after.Workers.Zip(Week.Workers).Count(p => p.First.Available.Count < p.Second.Available.Count);
        Assert.Equal(2, lessAvailable); // 3 % of 50, rounded
        Assert.Equal(1, after.Rooms.Zip(Week.Rooms).Count(p => p.First.Open.Count < p.Second.Open.Count));
        // Someone's published session now breaks rule 3 or 5 on its own: it must move.
        Assert.Contains(after.Published, a => RotaChecker.PublishedMustMove(after, a));
        Assert.DoesNotContain(Week.Sessions, s => RotaChecker.PublishedMustMove(Week, Plan.Assignments.FirstOrDefault(a => a.SessionId == s.Id) ?? new(s.Id, null, s.EarliestStart, [], [])) && Plan.Assignments.Any(a => a.SessionId == s.Id));
    }

    [Fact]
    public void The_same_seed_disrupts_the_same_way()
    {
        var a = WeekDisruption.Disrupt(Week, Plan, seed: 3);
        var b = WeekDisruption.Disrupt(Week, Plan, seed: 3);
        Assert.Equal(ProblemText.Describe(a), ProblemText.Describe(b));
    }
}
