using FamilyTime.Domain.Venues;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.Model;
using static FamilyTime.Scheduling.Tests.Checking.TinyWeek;

namespace FamilyTime.Scheduling.Tests.Checking;

/// <summary>The soft aims counted from a plan (README "Soft aims"), one aim at a time on the tiny week.</summary>
public class RotaScorerTests
{
    [Fact]
    public void Unplaced_sessions_cost_the_unplaced_weight_each()
    {
        var score = RotaScorer.Score(Problem(), Plan([Place(Amelia, RoomA, Ten, "w2")], [new UnplacedSession(Noah.Id, "No assessor")]));
        Assert.Equal(1, score.Unplaced);
        Assert.True(score.Objective >= new RotaWeights().Unplaced);
    }

    [Fact]
    public void Not_the_same_supervisor_counts_when_the_previous_one_is_not_among_the_workers()
    {
        var two = Amelia with { WorkersNeeded = 2 };
        Assert.Equal(0, RotaScorer.Score(Problem(two, Noah), Plan([Place(two, RoomA, Ten, "w3", "w2"), Place(Noah, RoomB, Ten, "w1")])).NotSameSupervisor);
        var score = RotaScorer.Score(Problem(), Plan([Place(Amelia, RoomA, Ten, "w3"), Place(Noah, RoomB, Ten, "w1")]));
        Assert.Equal(1, score.NotSameSupervisor);
        Assert.Equal(0.5, score.SameSupervisorRate);
    }

    [Fact]
    public void An_infants_journey_is_the_travel_from_home_to_the_room()
    {
        var baby = Amelia with { IsInfant = true, HomePlace = 1 };
        var score = RotaScorer.Score(Problem(baby, Noah), Plan([Place(baby, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Assert.Equal(20, score.InfantJourneyMinutes);
        Assert.Equal(20L * new RotaWeights().InfantJourneyPerMinute, score.Objective - 100L * score.NotSameSupervisor - 10L * score.WorkloadSpreadHours);
    }

    [Fact]
    public void Brothers_and_sisters_not_placed_jointly_are_apart()
    {
        var a = Amelia with { TogetherKey = "k" };
        var b = Noah with { TogetherKey = "k", RoomNeeds = RoomFeatures.None, SkillsNeeded = Domain.Workforce.WorkerSkills.None, Language = null, People = 1 };
        Assert.Equal(0, RotaScorer.Score(Problem(a, b), Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w2")])).SiblingsApart);
        Assert.Equal(2, RotaScorer.Score(Problem(a, b), Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomB, Ten + 75, "w2")])).SiblingsApart);
    }

    [Fact]
    public void Workload_spread_is_the_most_hours_less_the_fewest_of_an_available_worker()
    {
        // Sam 1 h, Ania 1.5 h (1 whole hour), the driver none: spread 1 hour.
        Assert.Equal(1, RotaScorer.Score(Problem(), ValidPlan()).WorkloadSpreadHours);
    }

    [Fact]
    public void Moved_published_sessions_are_counted_unless_they_had_to_move()
    {
        var problem = Problem() with { Published = [Place(Amelia, RoomA, Ten + 30, "w2"), Place(Noah, RoomB, Ten, "w3")] };
        // Amelia moved from 10:30 to 10:00; Noah's published worker is not trained to assess, so his move is free.
        Assert.Equal(1, RotaScorer.Score(problem, ValidPlan()).Moved);
    }
}
