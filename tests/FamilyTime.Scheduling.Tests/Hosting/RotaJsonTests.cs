using System.Text.Json;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Greedy;
using FamilyTime.Scheduling.Hosting;
using FamilyTime.Scheduling.Model;
using FamilyTime.Scheduling.Tests.Generation;

namespace FamilyTime.Scheduling.Tests.Hosting;

/// <summary>The problem and plan survive the trip to the solver host and back (<see cref="RotaJson"/>).</summary>
public class RotaJsonTests
{
    [Fact]
    public void A_generated_week_written_and_read_back_is_the_same_problem()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(120, 3));
        var published = new GreedyRotaSolver().Solve(week);
        // Pins and a published plan too, with each part of a pin given or left free.
        var problem = WeekDisruption.Disrupt(week, published, 3) with
        {
            Pins =
            [
                new RotaPin(week.Sessions[0].Id, week.Rooms[0].Id, 600, ["w1", "w2"]),
                new RotaPin(week.Sessions[1].Id, null, null, null),
            ],
            Options = week.Options with { DeterministicTimeLimit = 1.5, MaxMovedShare = null },
        };

        var json = RotaJson.Write(problem);
        var back = RotaJson.ReadProblem(json);

        Assert.DoesNotContain('\n', json);
        Assert.Equal(ProblemText.Describe(problem), ProblemText.Describe(back));
        // What the description leaves out: the areas, the pins' and the published plan's parts.
        Assert.Equal(problem.Rooms.Select(r => r.Area), back.Rooms.Select(r => r.Area));
        Assert.Equal(problem.Workers.Select(w => w.Area), back.Workers.Select(w => w.Area));
        Assert.Equal(Pins(problem), Pins(back));
        Assert.Equal(Assignments(problem.Published), Assignments(back.Published));
        Assert.Equal(problem.Weights, back.Weights);
        Assert.Equal(problem.Options, back.Options);
    }

    [Fact]
    public void A_workers_languages_stay_one_set_whatever_their_case()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(120, 3));
        var speaker = week.Workers.First(w => w.Languages.Count > 0);

        var back = RotaJson.ReadProblem(RotaJson.Write(week)).Workers.Single(w => w.Id == speaker.Id);

        var language = speaker.Languages.First();
        Assert.Contains(language.ToUpperInvariant(), back.Languages);
        Assert.Contains(language.ToLowerInvariant(), back.Languages);
        Assert.Equal(speaker.Languages.Order(StringComparer.Ordinal), back.Languages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plan_written_and_read_back_is_the_same_plan()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(120, 3));
        var plan = new GreedyRotaSolver().Solve(week);

        var back = RotaJson.ReadPlan(RotaJson.Write(plan));

        Assert.Equal(Assignments(plan.Assignments), Assignments(back.Assignments));
        Assert.Equal(plan.Unplaced, back.Unplaced);
        Assert.Equal(plan.Stats, back.Stats);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"area\": \"North\"}")]
    [InlineData("{\"places\": [\"A\"], \"minutes\": [[1, 2]]}")]
    public void Text_that_is_not_a_problem_is_refused_as_JSON(string text)
    {
        Assert.ThrowsAny<JsonException>(() => RotaJson.ReadProblem(text));
    }

    [Fact]
    public void A_travel_matrix_whose_rows_do_not_match_its_places_is_refused()
    {
        var week = CityWeekGenerator.Generate(GeneratorSpec.ForSessions(20, 1));
        var json = RotaJson.Write(week);
        var broken = json.Replace("\"minutes\":[[", "\"minutes\":[[7,", StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => RotaJson.ReadProblem(broken));
    }

    private static List<string> Pins(RotaProblem p) =>
        p.Pins.Select(x => $"{x.SessionId} {x.RoomId} {x.Start} {(x.WorkerIds is null ? "-" : string.Join(",", x.WorkerIds))}").ToList();

    internal static List<string> Assignments(IEnumerable<RotaAssignment> list) =>
        list.Select(a => $"{a.SessionId} {a.RoomId} {a.Start} {string.Join(",", a.WorkerIds)} {string.Join("|", a.Reasons)}").ToList();
}
