using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.CpSat;
using FamilyTime.Scheduling.Model;
using static FamilyTime.Scheduling.Tests.CpSat.HandMadeWeek;

namespace FamilyTime.Scheduling.Tests.CpSat;

/// <summary>
/// The time-indexed relaxation behind the optimiser's bound: it must prove what an overloaded evening leaves out, and it
/// must never claim more than the best plan leaves out (checked against every plan of small weeks, by brute force and
/// the independent checker).
/// </summary>
public class UnplacedBoundTests
{
    private static int Least(RotaProblem problem)
    {
        var p = new Prepared(problem);
        return UnplacedBound.Of(p, _ => true, g => p.Groups[g].JointPossible)?.Least ?? 0;
    }

    private static RotaSession LateLong(string child) => Session(child, earliest: At(16), latest: At(16, 30), duration: 90);

    [Fact]
    public void Three_long_sessions_that_must_start_by_half_past_four_in_one_room_leave_two_out()
    {
        var problem = Problem([Room("Blue", Riverside, 0)], [Worker("w1", "Ann"), Worker("w2", "Bea"), Worker("w3", "Cal")],
            LateLong("Amy"), LateLong("Ben"), LateLong("Cat"));

        Assert.Equal(2, Least(problem));
    }

    [Fact]
    public void Brothers_and_sisters_who_may_meet_together_in_one_room_need_not_be_left_out()
    {
        var parent = Guid.NewGuid();
        RotaSession Sibling(string child) => LateLong(child) with { TogetherKey = "family-1", ParentIds = [parent] };
        var problem = Problem([Room("Blue", Riverside, 0, capacity: 12)], [Worker("w1", "Ann")], Sibling("Amy"), Sibling("Ben"), Sibling("Cat"));

        Assert.Equal(0, Least(problem));
    }

    [Fact]
    public void Brothers_and_sisters_a_room_cannot_hold_together_meet_one_at_a_time_and_two_are_left_out()
    {
        var parent = Guid.NewGuid();
        RotaSession Sibling(string child) => LateLong(child) with { TogetherKey = "family-1", ParentIds = [parent] };
        var problem = Problem([Room("Blue", Riverside, 0, capacity: 6)], [Worker("w1", "Ann"), Worker("w2", "Bea"), Worker("w3", "Cal")],
            Sibling("Amy"), Sibling("Ben"), Sibling("Cat"));

        Assert.Equal(2, Least(problem));
    }

    [Fact]
    public void Brothers_and_sisters_meet_together_only_in_a_room_that_suits_each_of_them()
    {
        // Ben, Amy and Cat may meet together; Amy is a baby and needs baby change, and so does Dan of another family.
        // Only the hall has it, and each room holds one 90-minute session that starts by half past four.
        var parent = Guid.NewGuid();
        RotaSession Sibling(string child) => LateLong(child) with { TogetherKey = "family-1", ParentIds = [parent] };
        var problem = Problem(
            [Room("Hall", Riverside, 0, RoomFeatures.FamilyFriendly | RoomFeatures.BabyChange, capacity: 12), Room("Blue", Riverside, 0, capacity: 12)],
            [Worker("w1", "Ann"), Worker("w2", "Bea"), Worker("w3", "Cal")],
            Sibling("Ben"), Sibling("Amy") with { RoomNeeds = RoomFeatures.BabyChange }, Sibling("Cat"),
            LateLong("Dan") with { RoomNeeds = RoomFeatures.BabyChange });

        // Together in the hall leaves Dan out; Dan in the hall leaves Amy and Cat out (their parent is with Ben in the
        // blue room, which Amy may not use). A joint meeting in the blue room would place all four, but Amy may not
        // be there.
        Assert.Equal(1, Least(problem));
    }

    [Fact]
    public void Brothers_and_sisters_meet_together_only_with_a_worker_each_of_them_may_have()
    {
        // Amy's family time is assessed, and so is Dan's: only Ann is trained, and she can run one of them this evening.
        var parent = Guid.NewGuid();
        RotaSession Sibling(string child) => LateLong(child) with { TogetherKey = "family-1", ParentIds = [parent] };
        var problem = Problem([Room("Hall", Riverside, 0, capacity: 12), Room("Blue", Riverside, 0, capacity: 12)],
            [Worker("w1", "Ann", skills: WorkerSkills.Assessed), Worker("w2", "Bea")],
            Sibling("Ben"), Sibling("Amy") with { SkillsNeeded = WorkerSkills.Assessed }, Sibling("Cat"),
            LateLong("Dan") with { SkillsNeeded = WorkerSkills.Assessed });

        // Together with Ann leaves Dan out; Dan with Ann leaves Amy and Cat out. Together with Bea would place all
        // four, but Bea may not run Amy's.
        Assert.Equal(1, Least(problem));
    }

    [Fact]
    public void One_worker_for_two_evening_sessions_in_two_rooms_leaves_one_out()
    {
        var problem = Problem([Room("Blue", Riverside, 0), Room("Green", Riverside, 0)], [Worker("w1", "Ann")], LateLong("Amy"), LateLong("Ben"));

        Assert.Equal(1, Least(problem));
    }

    [Fact]
    public void One_worker_who_cannot_reach_the_second_venue_in_time_leaves_one_out()
    {
        // Amy at Riverside 15:30–16:30 (baby change there only), Ben at Hill Street from 16:45 (the kitchen is there):
        // with the turnaround Ann is free at 16:45, but Hill Street is 20 minutes away.
        var problem = Problem(
            [Room("Nursery", Riverside, 0, RoomFeatures.BabyChange), Room("Kitchen", HillStreet, 1, RoomFeatures.Kitchen)],
            [Worker("w1", "Ann")],
            Session("Amy", earliest: At(15, 30), latest: At(15, 30), duration: 60) with { RoomNeeds = RoomFeatures.BabyChange },
            Session("Ben", earliest: At(16, 45), latest: At(16, 45), duration: 60) with { RoomNeeds = RoomFeatures.Kitchen });

        Assert.Equal(1, Least(problem));
        // Half an hour later there is time for the journey.
        Assert.Equal(0, Least(problem with { Sessions = [problem.Sessions[0], problem.Sessions[1] with { EarliestStart = At(17, 15), LatestStart = At(17, 15) }] }));
    }

    [Fact]
    public void Travel_is_left_out_when_a_session_is_shorter_than_a_journey()
    {
        // Quay, Rise and Park: Quay–Rise 5 minutes, Rise–Park 40, Quay–Park 45. Ann can do all three: Ben at Quay
        // 10:00–11:00, Cal's quarter of an hour at Rise from 11:20, Amy at Park from 12:30. Counted as one at a time,
        // the journeys to Park from Quay (11:15–12:00) and from Rise (11:50–12:30) would wrongly say she cannot.
        Guid quay = Guid.NewGuid(), rise = Guid.NewGuid(), park = Guid.NewGuid();
        var travel = new TravelMatrix(["Quay", "Rise", "Park"], new[,] { { 0, 5, 45 }, { 5, 0, 40 }, { 45, 40, 0 } });
        var problem = Problem([Room("Q", quay, 0), Room("R", rise, 1), Room("P", park, 2)], [Worker("w1", "Ann")],
            Session("Ben", earliest: At(10), latest: At(10), duration: 60, homePlace: 0) with { FixedVenueId = quay },
            Session("Cal", earliest: At(11, 20), latest: At(11, 20), duration: 15, homePlace: 1) with { FixedVenueId = rise },
            Session("Amy", earliest: At(12, 30), latest: At(12, 30), duration: 60, homePlace: 2) with { FixedVenueId = park })
            with { Travel = travel };

        Assert.Equal(0, Least(problem));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_bound_never_claims_more_than_the_best_plan_of_a_small_evening_leaves_out(int seed)
    {
        // Twenty small evenings per seed: a few sessions, one or two rooms and workers, some brothers and sisters.
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var problem = SmallEvening(random);
            var fewestOut = problem.Sessions.Count - MostPlaced(problem);
            var least = Least(problem);
            Assert.True(least <= fewestOut, $"Seed {seed}, evening {round}: the bound says {least} must be left out, but a plan leaves out {fewestOut}.");
        }
    }

    /// <summary>An evening the brute force can search: 3 or 4 sessions from 14:30 with windows of up to half an hour, at two venues
    /// 20 minutes apart and sometimes in the community.</summary>
    internal static RotaProblem SmallEvening(Random random)
    {
        // Some rooms have baby change and some workers are trained for assessed family time, so that brothers and
        // sisters may need a room or a worker only one of them can have; only Hill Street has a kitchen, so that a
        // worker may have to travel between the two venues.
        var rooms = Enumerable.Range(0, random.Next(1, 3)).Select(i => Room($"Room {i}", i == 0 ? Riverside : HillStreet, i,
            (random.Next(0, 2) == 0 ? RoomFeatures.FamilyFriendly : RoomFeatures.FamilyFriendly | RoomFeatures.BabyChange) | (i == 1 ? RoomFeatures.Kitchen : RoomFeatures.None),
            capacity: random.Next(0, 2) == 0 ? 6 : 12)).ToList();
        var workers = Enumerable.Range(0, random.Next(1, 3)).Select(i => Worker($"w{i}", $"Worker {i}",
            skills: random.Next(0, 2) == 0 ? WorkerSkills.None : WorkerSkills.Assessed)).ToList();
        var family = Guid.NewGuid();
        var sessions = Enumerable.Range(0, random.Next(3, 5)).Select(i =>
        {
            var earliest = At(14, 30) + 15 * random.Next(0, 14);
            var s = Session($"Child {i}", earliest: earliest, latest: earliest + 15 * random.Next(0, 3), duration: 60 + 30 * random.Next(0, 3));
            // The first two are often brothers and sisters (same length, same parent); some sessions need two workers.
            if (i < 2 && random.Next(0, 2) == 0) s = s with { TogetherKey = "family", ParentIds = [family], Duration = 90, EarliestStart = At(16), LatestStart = At(16, 30) };
            else if (random.Next(0, 5) == 0) s = s with { WorkersNeeded = 2 };
            // Some in the community, starting near home (no room; the worker travels there).
            if (i >= 2 && random.Next(0, 5) == 0) s = s with { NeedsRoom = false, HomePlace = random.Next(2, 4) };
            else if (random.Next(0, 4) == 0) s = s with { RoomNeeds = RoomFeatures.BabyChange };
            else if (random.Next(0, 3) == 0) s = s with { RoomNeeds = RoomFeatures.Kitchen };
            if (random.Next(0, 4) == 0) s = s with { SkillsNeeded = WorkerSkills.Assessed };
            return s;
        }).ToArray();
        return Problem(rooms, workers, sessions);
    }

    /// <summary>The most sessions any plan places: every start on the grid, room and set of workers for each session in
    /// turn, each partial plan judged by the independent checker.</summary>
    internal static int MostPlaced(RotaProblem problem)
    {
        var options = problem.Sessions.Select(s =>
        {
            var starts = Enumerable.Range(0, (s.LatestStart - s.EarliestStart) / 15 + 1).Select(k => s.EarliestStart + 15 * k);
            var rooms = s.NeedsRoom ? problem.Rooms.Select(r => (Guid?)r.Id) : [null];
            var teams = Teams(problem.Workers.Select(w => w.Id).ToList(), s.WorkersNeeded);
            return (from t in starts from r in rooms from team in teams select new RotaAssignment(s.Id, r, t, team, [])).ToList();
        }).ToList();
        var best = 0;
        var chosen = new List<RotaAssignment>();
        void Search(int k)
        {
            if (chosen.Count + (problem.Sessions.Count - k) <= best) return;
            if (k == problem.Sessions.Count)
            {
                best = chosen.Count;
                return;
            }
            foreach (var option in options[k])
            {
                chosen.Add(option);
                if (Keeps(problem, chosen)) Search(k + 1);
                chosen.RemoveAt(chosen.Count - 1);
            }
            Search(k + 1);
        }
        Search(0);
        return best;
    }

    private static List<IReadOnlyList<string>> Teams(List<string> ids, int size) => size switch
    {
        0 => [[]],
        1 => ids.Select(id => (IReadOnlyList<string>)[id]).ToList(),
        _ => (from a in ids from b in ids where string.CompareOrdinal(a, b) < 0 select (IReadOnlyList<string>)[a, b]).ToList(),
    };

    private static bool Keeps(RotaProblem problem, List<RotaAssignment> placed)
    {
        var ids = placed.Select(a => a.SessionId).ToHashSet();
        var unplaced = problem.Sessions.Where(s => !ids.Contains(s.Id)).Select(s => new UnplacedSession(s.Id, "left out")).ToList();
        var plan = new RotaPlan([.. placed], unplaced, new RotaStats("brute force", "", 0, 0, 0, TimeSpan.Zero, placed.Count, unplaced.Count, 0, 0, 0));
        return RotaChecker.Check(problem, plan).Count == 0;
    }
}
