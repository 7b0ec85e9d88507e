using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Model;
using static FamilyTime.Scheduling.Tests.CpSat.HandMadeWeek;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// Mending a plan whose worker cannot travel between two sessions in time: the workers are chosen again, every room and
/// start kept. Riverside and Hill Street are 20 minutes apart, so one worker cannot end at Riverside at 11:00 and start at
/// Hill Street at 11:15 (turnaround 15 minutes, travel 20).
/// </summary>
public class RestaffingTests
{
    private const int Ann = 0, Bea = 1;

    private static (RotaProblem Problem, RotaSession Amy, RotaSession Ben) TwoSessions(IReadOnlyList<RotaWorker> workers)
    {
        var amy = Session("Amy", earliest: At(10), latest: At(10), duration: 60) with { PreviousSupervisorId = "ann" };
        var ben = Session("Ben", earliest: At(11, 15), latest: At(11, 15), duration: 60) with { PreviousSupervisorId = "ann" };
        return (Problem([Room("Blue", Riverside, 0), Room("Green", HillStreet, 1)], workers, amy, ben), amy, ben);
    }

    private static Placement?[] BothWithAnn() => [new Placement(0, At(10), [Ann], false), new Placement(1, At(11, 15), [Ann], false)];

    private static Placement?[]? Mend(RotaProblem problem, Placement?[] plan)
    {
        var model = new RotaModel(new Prepared(problem));
        return Restaffing.Mend(model, plan, seed: 1, workers: 1, seconds: 10, work: null).Plan;
    }

    private static int Clashes(RotaProblem problem, Placement?[] plan)
    {
        var p = new Prepared(problem);
        var occ = new Occupancy(p);
        for (var i = 0; i < plan.Length; i++) if (plan[i] is { } at) occ.Add([i], at);
        return occ.TravelClashes().Count();
    }

    [Fact]
    public void Two_sessions_too_far_apart_for_one_worker_get_two_workers_in_the_same_rooms_at_the_same_times()
    {
        var (problem, _, _) = TwoSessions([Worker("ann", "Ann"), Worker("bea", "Bea")]);
        var plan = BothWithAnn();
        Assert.Equal(1, Clashes(problem, plan));

        var mended = Mend(problem, plan)!;

        Assert.Equal(0, Clashes(problem, mended));
        Assert.Equal([(0, At(10)), (1, At(11, 15))], mended.Select(x => (x!.Room, x.Start)));
        // Both had Ann before; one of them keeps her.
        Assert.Equal([Ann, Bea], mended.SelectMany(x => x!.Workers).Order());
    }

    [Fact]
    public void A_published_session_keeps_its_worker_and_the_other_is_given_another()
    {
        var (problem, _, ben) = TwoSessions([Worker("ann", "Ann"), Worker("bea", "Bea")]);
        problem = problem with { Published = [new RotaAssignment(ben.Id, problem.Rooms[1].Id, At(11, 15), ["ann"], [])] };

        var mended = Mend(problem, BothWithAnn())!;

        Assert.Equal([Bea], mended[0]!.Workers);
        Assert.Equal([Ann], mended[1]!.Workers);
    }

    private static RotaProblem BothPublishedWithAnn(RotaProblem problem, RotaSession amy, RotaSession ben, double? maxMovedShare) => problem with
    {
        Published = [new RotaAssignment(amy.Id, problem.Rooms[0].Id, At(10), ["ann"], []), new RotaAssignment(ben.Id, problem.Rooms[1].Id, At(11, 15), ["ann"], [])],
        Options = problem.Options with { MaxMovedShare = maxMovedShare },
    };

    [Fact]
    public void Under_the_limit_on_moves_two_published_sessions_keep_their_worker_so_the_mend_finds_nothing()
    {
        var (problem, amy, ben) = TwoSessions([Worker("ann", "Ann"), Worker("bea", "Bea")]);

        Assert.Null(Mend(BothPublishedWithAnn(problem, amy, ben, 0.05), BothWithAnn()));
    }

    [Fact]
    public void Without_a_limit_on_moves_one_of_two_published_sessions_is_given_another_worker_and_one_stays_as_published()
    {
        var (problem, amy, ben) = TwoSessions([Worker("ann", "Ann"), Worker("bea", "Bea")]);

        var mended = Mend(BothPublishedWithAnn(problem, amy, ben, null), BothWithAnn())!;

        Assert.Equal(0, Clashes(problem, mended));
        Assert.Equal([Ann, Bea], mended.SelectMany(x => x!.Workers).Order());
    }

    [Fact]
    public void A_published_session_the_plan_has_already_moved_may_be_given_another_worker_under_the_limit()
    {
        var (problem, amy, ben) = TwoSessions([Worker("ann", "Ann"), Worker("bea", "Bea")]);
        // Ben was published in the Blue room; the plan has him in Green, so he is moved already: a new worker costs nothing more.
        problem = BothPublishedWithAnn(problem, amy, ben, 0.05);
        problem = problem with { Published = [problem.Published[0], problem.Published[1] with { RoomId = problem.Rooms[0].Id }] };

        var mended = Mend(problem, BothWithAnn())!;

        Assert.Equal([Ann], mended[0]!.Workers);
        Assert.Equal([Bea], mended[1]!.Workers);
    }

    [Fact]
    public void With_one_worker_for_both_there_is_nothing_to_mend()
    {
        var (problem, _, _) = TwoSessions([Worker("ann", "Ann")]);

        Assert.Null(Mend(problem, BothWithAnn()));
    }

    [Fact]
    public void The_worker_chosen_speaks_the_language_the_family_needs()
    {
        var (problem, amy, _) = TwoSessions([Worker("ann", "Ann"), Worker("bea", "Bea"), Worker("cal", "Cal", null, default, "Polish")]);
        problem = problem with { Sessions = [amy with { Language = "Polish", WorkersNeeded = 2 }, problem.Sessions[1]] };
        Placement?[] plan = [new Placement(0, At(10), [Ann, 2], false), new Placement(1, At(11, 15), [Ann], false)];

        var mended = Mend(problem, plan)!;

        Assert.Equal(0, Clashes(problem, mended));
        Assert.Contains(2, mended[0]!.Workers);
        Assert.Equal(2, mended[0]!.Workers.Length);
        Assert.DoesNotContain(mended[1]!.Workers[0], mended[0]!.Workers);
    }
}
