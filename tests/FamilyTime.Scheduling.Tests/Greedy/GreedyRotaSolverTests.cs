using FamilyTime.Domain.Venues;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Greedy;
using FamilyTime.Scheduling.Model;
using static FamilyTime.Scheduling.Tests.Checking.TinyWeek;

namespace FamilyTime.Scheduling.Tests.Greedy;

public class GreedyRotaSolverTests
{
    private static readonly GreedyRotaSolver Greedy = new();

    public static TheoryData<int, int, double> GeneratedWeeks => new()
    {
        { 400, 1, 1.0 }, { 400, 2, 1.0 }, { 400, 3, 1.0 }, { 400, 4, 1.0 }, { 400, 5, 1.5 }, { 1500, 6, 1.0 },
    };

    [Theory]
    [MemberData(nameof(GeneratedWeeks))]
    public void Greedy_never_breaks_a_hard_rule_on_generated_weeks(int sessions, int seed, double load)
    {
        var problem = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(sessions, seed) with { Load = load });
        var plan = Greedy.Solve(problem);
        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(sessions, plan.Assignments.Count + plan.Unplaced.Count);
        Assert.True(plan.Assignments.Count > sessions / 2, "an ordinary or overloaded week is mostly placed");
    }

    [Fact]
    public void Greedy_places_most_of_an_ordinary_week_and_fewer_of_an_overloaded_one()
    {
        var ordinary = Greedy.Solve(CityWeekGenerator.Generate(GeneratorSpec.Small(9)));
        var overloaded = Greedy.Solve(CityWeekGenerator.Generate(GeneratorSpec.Small(9).Overloaded()));
        Assert.True(ordinary.Stats.Placed >= 0.85 * 400, $"ordinary week: {ordinary.Stats.Placed} of 400 placed");
        Assert.True(overloaded.Stats.Placed < ordinary.Stats.Placed);
        Assert.NotEmpty(overloaded.Unplaced);
    }

    [Fact]
    public void Greedy_keeps_every_pin_and_what_was_published_on_a_generated_week()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.Small(12));
        var first = Greedy.Solve(week);
        // Publish the first plan; pin thirty of its sessions in full, and one session to a start outside its window.
        var pins = first.Assignments.Take(30).Select(a => new RotaPin(a.SessionId, a.RoomId, a.Start, a.WorkerIds)).ToList();
        var broken = week.Sessions.First(s => pins.All(p => p.SessionId != s.Id));
        pins.Add(new RotaPin(broken.Id, null, broken.LatestStart + 5, null));
        var again = week with { Published = first.Assignments, Pins = pins, Options = new RotaOptions(MaxMovedShare: 0.05) };

        var plan = Greedy.Solve(again);

        Assert.Empty(RotaChecker.Check(again, plan));
        Assert.Contains(plan.Unplaced, u => u.SessionId == broken.Id && u.Reason.Contains("pin", StringComparison.OrdinalIgnoreCase));
        Assert.All(pins.Take(30), p => Assert.Contains(plan.Assignments, a => a.SessionId == p.SessionId && a.Start == p.Start && a.RoomId == p.RoomId));
        Assert.True(plan.Stats.Moved <= 1, $"{plan.Stats.Moved} published sessions moved");
    }

    [Fact]
    public void Greedy_gives_the_same_plan_for_the_same_week()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.Small(4));
        static string Text(RotaPlan p) => string.Join("\n", p.Assignments.Select(a => $"{a.SessionId} {a.RoomId} {a.Start} {string.Join(",", a.WorkerIds)}"))
            + string.Join("\n", p.Unplaced);
        Assert.Equal(Text(Greedy.Solve(week)), Text(Greedy.Solve(week)));
    }

    [Fact]
    public void Greedy_tries_the_previous_supervisor_first()
    {
        // Ania (w1) is first in the list, but Amelia's previous supervisor is Sam (w2).
        var plan = Greedy.Solve(Problem(Amelia));
        Assert.Equal(["w2"], plan.Assignments.Single().WorkerIds);
        Assert.Contains("Same supervisor as last time", plan.Assignments.Single().Reasons);
    }

    [Fact]
    public void Greedy_takes_the_first_free_suitable_worker_when_the_previous_supervisor_is_not_free()
    {
        // Amelia's previous supervisor is Ania (w1), but Noah (assessed, in Polish) comes first in the diary at 9:45
        // and takes her: Amelia gets the first free worker at her earliest start, Sam (w2).
        var amelia = Amelia with { PreviousSupervisorId = "w1" };
        var noahFirst = Noah with { EarliestStart = Ten - 15 };
        var problem = Problem(noahFirst, amelia);
        var plan = Greedy.Solve(problem);
        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(["w1"], plan.Assignments.Single(a => a.SessionId == noahFirst.Id).WorkerIds);
        var placed = plan.Assignments.Single(a => a.SessionId == amelia.Id);
        Assert.Equal((Ten, "w2"), (placed.Start, placed.WorkerIds.Single()));
        Assert.DoesNotContain("Same supervisor as last time", placed.Reasons);
    }

    [Fact]
    public void Greedy_books_brothers_and_sisters_together_when_they_fit()
    {
        var a = Amelia with { TogetherKey = "siblings-1" };
        var b = Noah with { TogetherKey = "siblings-1", ParentIds = [ParentOfAmelia], People = 1, RoomNeeds = RoomFeatures.None,
            SkillsNeeded = Domain.Workforce.WorkerSkills.None, Language = null, Duration = 60, HomePlace = 0, PreviousSupervisorId = "w2" };
        var plan = Greedy.Solve(Problem(a, b));
        Assert.Empty(RotaChecker.Check(Problem(a, b), plan));
        var (pa, pb) = (plan.Assignments.Single(x => x.SessionId == a.Id), plan.Assignments.Single(x => x.SessionId == b.Id));
        Assert.Equal((pa.RoomId, pa.Start, pa.WorkerIds.Single()), (pb.RoomId, pb.Start, pb.WorkerIds.Single()));
        Assert.Equal(0, RotaScorer.Score(Problem(a, b), plan).SiblingsApart);
    }

    [Fact]
    public void Greedy_goes_in_diary_order_at_the_earliest_start_and_never_goes_back()
    {
        // One room that suits both. Amelia (9:30–11:00 start) comes first in the diary and takes 9:30; Noah can only
        // start at 10:00 and is left out, though Amelia could have started at 11:00. That is first fit, and the gap
        // the optimiser is for.
        var amelia = Amelia with { EarliestStart = 9 * 60 + 30, LatestStart = 11 * 60, RoomNeeds = RoomFeatures.None };
        var noah = Noah with { EarliestStart = Ten, LatestStart = Ten, RoomNeeds = RoomFeatures.None, Duration = 60 };
        var problem = Problem(amelia, noah) with { Rooms = [RoomA] };
        var plan = Greedy.Solve(problem);
        Assert.Empty(RotaChecker.Check(problem, plan));
        Assert.Equal(9 * 60 + 30, plan.Assignments.Single().Start);
        var left = Assert.Single(plan.Unplaced);
        Assert.Equal(noah.Id, left.SessionId);
        Assert.Contains("booked", left.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_says_why_a_session_is_left_unplaced()
    {
        var romanian = Noah with { Language = "Romanian" };
        var plan = Greedy.Solve(Problem(Amelia, romanian));
        var left = Assert.Single(plan.Unplaced);
        Assert.Contains("speaking Romanian", left.Reason, StringComparison.Ordinal);
        Assert.Contains("Monday", left.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_reports_its_figures_with_a_bound_of_zero()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.Small(3));
        var plan = Greedy.Solve(week);
        var score = RotaScorer.Score(week, plan);
        Assert.Equal(GreedyRotaSolver.SolverName, plan.Stats.Solver);
        Assert.Equal(0, plan.Stats.Bound);
        Assert.Equal(score.Objective, plan.Stats.Objective);
        Assert.Equal(1.0, plan.Stats.Gap);
        Assert.Equal((plan.Assignments.Count, plan.Unplaced.Count), (plan.Stats.Placed, plan.Stats.Unplaced));
        Assert.Equal(score.SameSupervisorRate, plan.Stats.SameSupervisorRate);
        Assert.Equal(score.InfantJourneyMinutes, plan.Stats.InfantJourneyMinutes);
    }
}
