using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Model;
using static FamilyTime.Scheduling.Tests.CpSat.HandMadeWeek;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// The plan's last step: a published session the plan moved goes back where carers and the family know it when that
/// place is free and the week scores better for it. Amy was published in Blue (Riverside) at 15:30 with Ann; the plan
/// has her in Green (Hill Street) at 16:00 with Bea.
/// </summary>
public class PutBackTests
{
    private const int Blue = 0, Green = 1, Ann = 0, Bea = 1;

    private static (RotaProblem Problem, RotaSession Amy, RotaSession Ben) Week(string? amysLastSupervisor = null)
    {
        var amy = Session("Amy") with { PreviousSupervisorId = amysLastSupervisor };
        var ben = Session("Ben");
        var problem = Problem([Room("Blue", Riverside, 0), Room("Green", HillStreet, 1)], [Worker("ann", "Ann"), Worker("bea", "Bea")], amy, ben);
        return (problem with { Published = [new RotaAssignment(amy.Id, problem.Rooms[Blue].Id, At(15, 30), ["ann"], [])] }, amy, ben);
    }

    private static (int Back, Placement?[] Plan, long Before, long After) PutBack(RotaProblem problem, Placement?[] plan)
    {
        var p = new Prepared(problem);
        var before = Score.Of(p, plan, p.Unmoved).Objective;
        var back = FamilyTime.Scheduling.CpSat.PutBack.Apply(p, plan);
        return (back, plan, before, Score.Of(p, plan, p.Unmoved).Objective);
    }

    [Fact]
    public void A_moved_session_whose_place_is_free_goes_back_and_the_week_scores_a_move_less()
    {
        var (problem, _, _) = Week();
        var (back, plan, before, after) = PutBack(problem, [new Placement(Green, At(16), [Bea], false), new Placement(Green, At(17, 45), [Bea], false)]);

        Assert.Equal(1, back);
        Assert.Equal((Blue, At(15, 30), Ann), (plan[0]!.Room, plan[0]!.Start, plan[0]!.Workers.Single()));
        // A move less, and the hours shared between Ann and Bea (the spread of 3 hours, 30, gone too).
        Assert.Equal((330, 0), (before, after));
    }

    [Fact]
    public void A_session_left_out_goes_back_to_its_place_when_it_is_free()
    {
        var (problem, _, _) = Week();
        var (back, plan, before, after) = PutBack(problem, [null, new Placement(Green, At(16), [Bea], false)]);

        Assert.Equal(1, back);
        Assert.Equal(Blue, plan[0]!.Room);
        Assert.Equal((problem.Weights.Unplaced + problem.Weights.MovedFromPublished + 10, 0L), (before, after));
    }

    [Fact]
    public void It_stays_moved_when_its_room_or_its_worker_is_taken_by_another_session_at_that_time()
    {
        var (problem, _, _) = Week();
        // Ben has Blue from 16:00; then Ann has Ben at Hill Street from 15:30.
        var roomTaken = PutBack(problem, [new Placement(Green, At(16), [Ann], false), new Placement(Blue, At(16), [Bea], false)]);
        var workerTaken = PutBack(problem, [new Placement(Blue, At(15, 30), [Bea], false), new Placement(Green, At(15, 30), [Ann], false)]);

        Assert.Equal(0, roomTaken.Back);
        Assert.Equal(Green, roomTaken.Plan[0]!.Room);
        Assert.Equal(roomTaken.Before, roomTaken.After);
        Assert.Equal(0, workerTaken.Back);
        Assert.Equal(Bea, workerTaken.Plan[0]!.Workers.Single());
    }

    [Fact]
    public void It_stays_moved_when_the_move_is_worth_more_than_it_costs()
    {
        // A move counts 50 here, and going back to Ann would lose Bea, the last supervisor (100).
        var (problem, _, _) = Week(amysLastSupervisor: "bea");
        problem = problem with { Weights = new RotaWeights(MovedFromPublished: 50) };
        var (back, plan, before, after) = PutBack(problem, [new Placement(Green, At(16), [Bea], false), null]);

        Assert.Equal(0, back);
        Assert.Equal((Green, Bea), (plan[0]!.Room, plan[0]!.Workers.Single()));
        Assert.Equal(before, after);
    }

    [Fact]
    public void A_pinned_session_stays_where_the_coordinator_pinned_it()
    {
        var (problem, amy, _) = Week();
        problem = problem with { Pins = [new RotaPin(amy.Id, problem.Rooms[Green].Id, At(16), null)] };
        var (back, plan, _, _) = PutBack(problem, [new Placement(Green, At(16), [Bea], false), null]);

        Assert.Equal(0, back);
        Assert.Equal(Green, plan[0]!.Room);
    }
}
