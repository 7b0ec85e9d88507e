using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// The packed start: a day the first fit packs badly is packed by a MIP on the time-indexed model, its workers chosen
/// again with travel known, and the plan keeps every rule (the independent checker). A generous time limit: HiGHS ends
/// when it has placed as many sessions as the relaxation allows, so a busy machine gives the same plan, later.
/// </summary>
public class PackedStartTests
{
    private const double Seconds = 600;

    /// <summary>One area's day of the benchmark's 1,500-session week (seed 1) and its first-fit plan.</summary>
    private static (RotaProblem Problem, RotaModel Model, Placement?[] FirstFit) Day(int day, string area)
    {
        var problem = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(1500, 1));
        var p = new Prepared(problem);
        var seed = SeedPlanner.Build(p, new Occupancy(p));
        var include = p.Sessions.Select(s => s.Unplaceable is null && s.S.Day == day && s.S.Area == area).ToArray();
        for (var i = 0; i < seed.Length; i++) if (!include[i]) seed[i] = null;
        return (problem, new RotaModel(p, include), seed);
    }

    /// <summary>The plan as the checker reads it: every session of the week placed or listed as left out.</summary>
    private static RotaPlan AsPlan(RotaProblem problem, Placement?[] plan)
    {
        var assignments = new List<RotaAssignment>();
        var unplaced = new List<UnplacedSession>();
        for (var i = 0; i < plan.Length; i++)
        {
            var s = problem.Sessions[i];
            if (plan[i] is { } at)
                assignments.Add(new RotaAssignment(s.Id, at.Room >= 0 ? problem.Rooms[at.Room].Id : null, at.Start, [.. at.Workers.Select(w => problem.Workers[w].Id)], []));
            else unplaced.Add(new UnplacedSession(s.Id, "left out"));
        }
        return new RotaPlan(assignments, unplaced, new RotaStats("packed start", "", 0, 0, 0, TimeSpan.Zero, assignments.Count, unplaced.Count, 0, 0, 0));
    }

    [Fact]
    public void A_Saturday_the_first_fit_leaves_seven_sessions_out_of_is_packed_with_every_session_placed_and_every_rule_kept()
    {
        var (problem, model, firstFit) = Day(5, "West");
        Assert.Equal((30, 0), (model.SessionCount, model.LeastUnplaced));
        Assert.Equal(7, model.UnplacedIn(firstFit));

        var packed = PackedStart.Build(model, seed: 1, Seconds);

        Assert.NotNull(packed);
        Assert.Equal(0, model.UnplacedIn(packed));
        Assert.All(Enumerable.Range(0, packed.Length), i => Assert.True(packed[i] is null || model.Includes(i), "only the day's sessions are placed"));
        Assert.Empty(RotaChecker.Check(problem, AsPlan(problem, packed)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_small_evenings_the_packed_start_keeps_every_rule_and_places_as_many_as_the_best_plan(int seed)
    {
        // The brute force and the checker of UnplacedBoundTests: every plan of each evening.
        var random = new Random(seed);
        var packedEvenings = 0;
        for (var round = 0; round < 20; round++)
        {
            var problem = UnplacedBoundTests.SmallEvening(random);
            var model = new RotaModel(new Prepared(problem));
            var packed = PackedStart.Build(model, seed: 1, Seconds);
            // None for an evening with fewer than two sessions that can be placed and book a room or a worker: nothing
            // to pack.
            if (packed is null) continue;
            packedEvenings++;
            Assert.Empty(RotaChecker.Check(problem, AsPlan(problem, packed)));
            Assert.True(packed.Count(x => x is not null) == UnplacedBoundTests.MostPlaced(problem),
                $"Seed {seed}, evening {round}: the packed start places {packed.Count(x => x is not null)}, the best plan {UnplacedBoundTests.MostPlaced(problem)}.");
        }
        Assert.InRange(packedEvenings, 10, 20);
    }

    [Fact]
    public async Task A_part_the_search_reaches_before_its_packed_start_is_ready_keeps_its_first_fit_and_one_ready_is_handed_over()
    {
        var (_, saturday, _) = Day(5, "West");
        var (_, monday, _) = Day(0, "West");
        // Saturday West: 7 of excess, packed first; Monday West given as a part with none (it gets no MIP).
        using (var early = new PackingAhead([(monday, 0), (saturday, 7)], seed: 1, budget: Seconds, () => 0, until: Seconds, CancellationToken.None))
        {
            // Taken at once, before its MIP can have ended: no packed start, and none is made for it afterwards.
            Assert.Null(early.Take(1));
            await early.Worker;
            Assert.Null(early.Take(1));
            Assert.Null(early.Take(0));
        }
        using var ready = new PackingAhead([(monday, 0), (saturday, 7)], seed: 1, budget: Seconds, () => 0, until: Seconds, CancellationToken.None);
        await ready.Worker;
        var packed = ready.Take(1);
        Assert.NotNull(packed);
        Assert.Equal(0, saturday.UnplacedIn(packed));
        Assert.Null(ready.Take(0));
    }

    [Fact]
    public void The_part_with_the_most_excess_gets_a_MIP_first_then_the_small_days_with_excess_and_no_other_weekday()
    {
        var problem = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(1500, 1));
        var p = new Prepared(problem);
        var firstFit = SeedPlanner.Build(p, new Occupancy(p));
        (RotaModel Model, int Excess) Part(int day, string area)
        {
            var model = new RotaModel(p, p.Sessions.Select(s => s.Unplaceable is null && s.S.Day == day && s.S.Area == area).ToArray());
            return (model, model.UnplacedIn(firstFit.Select((x, i) => model.Includes(i) ? x : null).ToArray()) - model.Unplaceable - model.LeastUnplaced);
        }
        // In the search's order, the least excess first: an easy Thursday, two Saturdays, a hard Friday and the hardest
        // Monday.
        (RotaModel Model, int Excess)[] parts = [Part(3, "West"), Part(5, "North"), Part(4, "North"), Part(5, "West"), Part(0, "South")];
        Assert.Equal([0, 5, 6, 7, 9], parts.Select(x => x.Excess));
        // A Saturday's time-indexed model holds travel; a weekday's (40-80 sessions) is too big for it.
        Assert.Equal([false, true, false, true, false], parts.Select(x => x.Model.PackingHoldsTravel));

        Assert.Equal([4, 3, 1], PackingAhead.Chosen(parts));
    }

    [Fact]
    public async Task No_MIP_starts_once_the_budget_is_spent()
    {
        var (_, saturday, _) = Day(5, "West");
        var clock = 0.0;
        // Less than a second left of the budget (the clock stands still): not worth a MIP's presolve.
        using var packing = new PackingAhead([(saturday, 7)], seed: 1, budget: 0.5, () => clock, until: Seconds, CancellationToken.None);
        await packing.Worker;
        Assert.Null(packing.Take(0));
    }
}
