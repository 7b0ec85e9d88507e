using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.Model;
using static FamilyTime.Scheduling.Tests.Checking.TinyWeek;

namespace FamilyTime.Scheduling.Tests.Checking;

/// <summary>One hand-made plan per hard rule (README "Hard rules"), each breaking just that rule, and valid plans that pass.</summary>
public class RotaCheckerTests
{
    private static void Breaks(string rule, RotaProblem problem, RotaPlan plan)
    {
        var found = RotaChecker.Check(problem, plan);
        Assert.NotEmpty(found);
        Assert.All(found, v => Assert.Equal(rule, v.Rule));
    }

    private static void Keeps(RotaProblem problem, RotaPlan plan) => Assert.Empty(RotaChecker.Check(problem, plan));

    // ---- A valid plan ----

    [Fact]
    public void A_valid_plan_breaks_no_rule() => Keeps(Problem(), ValidPlan());

    [Fact]
    public void A_plan_with_every_session_unplaced_with_a_reason_breaks_no_rule() =>
        Keeps(Problem(), Plan([], [new UnplacedSession(Amelia.Id, "No room free"), new UnplacedSession(Noah.Id, "No assessor free")]));

    // ---- 1. Complete ----

    [Fact]
    public void Rule1_Complete_a_session_neither_placed_nor_unplaced_is_caught() =>
        Breaks(RotaRule.Complete, Problem(), Plan([Place(Amelia, RoomA, Ten, "w2")]));

    [Fact]
    public void Rule1_Complete_a_session_placed_twice_is_caught() =>
        Breaks(RotaRule.Complete, Problem(), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1"), Place(Amelia, RoomA, Ten, "w2")]));

    [Fact]
    public void Rule1_Complete_a_session_both_placed_and_unplaced_is_caught() =>
        Breaks(RotaRule.Complete, Problem(), Plan(ValidPlan().Assignments, [new UnplacedSession(Noah.Id, "No assessor free")]));

    [Fact]
    public void Rule1_Complete_a_session_unplaced_twice_is_caught() =>
        Breaks(RotaRule.Complete, Problem(), Plan([Place(Amelia, RoomA, Ten, "w2")],
            [new UnplacedSession(Noah.Id, "No assessor free"), new UnplacedSession(Noah.Id, "No assessor free")]));

    [Fact]
    public void Rule1_Complete_an_unplaced_session_without_a_reason_is_caught() =>
        Breaks(RotaRule.Complete, Problem(), Plan([Place(Amelia, RoomA, Ten, "w2")], [new UnplacedSession(Noah.Id, " ")]));

    [Fact]
    public void Rule1_Complete_an_unknown_session_room_or_worker_is_caught()
    {
        var stranger = Amelia with { Id = Guid.NewGuid() };
        Breaks(RotaRule.Complete, Problem(), Plan([.. ValidPlan().Assignments, Place(stranger, RoomA, 15 * 60, "w2")]));
        Breaks(RotaRule.Complete, Problem(), Plan([Place(Amelia, RoomA with { Id = Guid.NewGuid() }, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Breaks(RotaRule.Complete, Problem(), Plan([Place(Amelia, RoomA, Ten, "nobody"), Place(Noah, RoomB, Ten, "w1")]));
        Breaks(RotaRule.Complete, Problem(), Plan(ValidPlan().Assignments, [new UnplacedSession(stranger.Id, "Not this week")]));
    }

    // ---- 2. Window ----

    [Fact]
    public void Rule2_Window_a_start_before_the_earliest_is_caught() =>
        Breaks(RotaRule.Window, Problem(), Plan([Place(Amelia, RoomA, Ten - 15, "w2"), Place(Noah, RoomB, Ten, "w1")]));

    [Fact]
    public void Rule2_Window_a_start_after_the_latest_is_caught() =>
        Breaks(RotaRule.Window, Problem(), Plan([Place(Amelia, RoomA, Ten + 61, "w2"), Place(Noah, RoomB, Ten, "w1")]));

    [Fact]
    public void Rule2_Window_starting_on_the_latest_start_is_allowed() =>
        Keeps(Problem(), Plan([Place(Amelia, RoomA, Ten + 60, "w2"), Place(Noah, RoomB, Ten, "w1")]));

    // ---- 3. Room ----

    [Fact]
    public void Rule3_Room_a_session_needing_a_room_without_one_is_caught() =>
        Breaks(RotaRule.Room, Problem(), Plan([Place(Amelia, null, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));

    [Fact]
    public void Rule3_Room_family_time_in_the_community_given_a_room_is_caught()
    {
        var community = Amelia with { NeedsRoom = false, RoomNeeds = RoomFeatures.None };
        Breaks(RotaRule.Room, Problem(community, Noah), Plan([Place(community, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Keeps(Problem(community, Noah), Plan([Place(community, null, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule3_Room_a_room_without_a_needed_feature_is_caught() =>
        Breaks(RotaRule.Room, Problem(), Plan([Place(Amelia, RoomB, Ten, "w2"), Place(Noah with { RoomNeeds = RoomFeatures.None }, RoomA, Ten, "w1")]));

    [Fact]
    public void Rule3_Room_a_room_too_small_for_the_people_is_caught()
    {
        var crowd = Noah with { People = 5 };
        Breaks(RotaRule.Room, Problem(Amelia, crowd), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(crowd, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule3_Room_a_room_at_another_venue_than_the_fixed_one_is_caught()
    {
        var fixedToA = Noah with { RoomNeeds = RoomFeatures.None, FixedVenueId = VenueA };
        Breaks(RotaRule.Room, Problem(Amelia, fixedToA), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(fixedToA, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule3_Room_a_room_of_another_area_is_caught_and_a_room_of_no_area_serves_every_area()
    {
        var north = Amelia with { Area = "North" };
        var southRoom = RoomA with { Area = "South" };
        var problem = Problem(north, Noah) with { Rooms = [southRoom, RoomB] };
        Breaks(RotaRule.Room, problem, Plan([Place(north, southRoom, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Keeps(problem with { Rooms = [southRoom with { Area = "North" }, RoomB] }, Plan([Place(north, southRoom, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Keeps(Problem(north, Noah), Plan([Place(north, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule3_Room_a_room_not_open_for_the_whole_session_is_caught()
    {
        var late = Amelia with { EarliestStart = 18 * 60, LatestStart = 18 * 60 + 30 };
        var evenings = Problem(late, Noah) with { Workers = [Assessor, Worker with { Available = [new DayWindow(0, 12 * 60, 20 * 60)] }, Driver] };
        Breaks(RotaRule.Room, evenings, Plan([Place(late, RoomA, 18 * 60 + 15, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Keeps(evenings, Plan([Place(late, RoomA, 18 * 60, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        var tuesday = Amelia with { Day = 1 };
        var tuesdayWorker = Worker with { Available = [new DayWindow(1, 9 * 60, 19 * 60)] };
        var problem = Problem(tuesday, Noah) with { Workers = [Assessor, tuesdayWorker, Driver] };
        Breaks(RotaRule.Room, problem, Plan([Place(tuesday, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
    }

    // ---- 4. One booking per room ----

    [Fact]
    public void Rule4_One_booking_per_room_two_sessions_overlapping_in_a_room_are_caught()
    {
        var homely = Noah with { RoomNeeds = RoomFeatures.None };
        Breaks(RotaRule.OneBookingPerRoom, Problem(Amelia, homely), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(homely, RoomA, Ten + 59, "w1")]));
        Keeps(Problem(Amelia, homely), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(homely, RoomA, Ten + 60, "w1")]));
    }

    [Fact]
    public void Rule4_One_booking_per_room_brothers_and_sisters_placed_jointly_share_the_room()
    {
        var (a, b) = Siblings();
        Keeps(Problem(a, b), Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w2")]));
    }

    [Fact]
    public void Rule4_One_booking_per_room_brothers_and_sisters_with_different_workers_are_not_joint_and_are_caught()
    {
        var (a, b) = Siblings();
        var found = RotaChecker.Check(Problem(a, b), Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w1")]));
        Assert.Contains(found, v => v.Rule == RotaRule.OneBookingPerRoom);
    }

    [Fact]
    public void Rule4_One_booking_per_room_brothers_and_sisters_together_must_fit_the_room()
    {
        var (a, b) = Siblings();
        a = a with { People = 4 };
        b = b with { People = 3 };
        Breaks(RotaRule.OneBookingPerRoom, Problem(a, b), Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w2")]));
    }

    // ---- 5. Workers ----

    [Fact]
    public void Rule5_Workers_too_few_or_too_many_workers_are_caught()
    {
        Breaks(RotaRule.Workers, Problem(), Plan([Place(Amelia, RoomA, Ten), Place(Noah, RoomB, Ten, "w1")]));
        Breaks(RotaRule.Workers, Problem(), Plan([Place(Amelia, RoomA, Ten, "w2", "w3"), Place(Noah, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule5_Workers_a_worker_of_another_area_is_caught()
    {
        var north = Amelia with { Area = "North" };
        var problem = Problem(north, Noah) with { Workers = [Assessor, Worker with { Area = "South" }, Driver] };
        Breaks(RotaRule.Workers, problem, Plan([Place(north, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Keeps(problem with { Workers = [Assessor, Worker with { Area = "North" }, Driver] },
            Plan([Place(north, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule5_Workers_the_same_worker_twice_is_not_two_workers()
    {
        var two = Amelia with { WorkersNeeded = 2 };
        Breaks(RotaRule.Workers, Problem(two, Noah), Plan([Place(two, RoomA, Ten, "w2", "w2"), Place(Noah, RoomB, Ten, "w1")]));
        Keeps(Problem(two, Noah), Plan([Place(two, RoomA, Ten, "w2", "w3"), Place(Noah, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule5_Workers_a_worker_without_a_needed_skill_is_caught() =>
        Breaks(RotaRule.Workers, Problem(), Plan([Place(Amelia, RoomA, Ten, "w1"), Place(Noah, RoomB, Ten, "w2")]));

    [Fact]
    public void Rule5_Workers_no_worker_speaking_the_language_is_caught_and_case_does_not_matter()
    {
        var romanian = Noah with { Language = "Romanian" };
        Breaks(RotaRule.Workers, Problem(Amelia, romanian), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(romanian, RoomB, Ten, "w1")]));
        var lower = Noah with { Language = "polish" };
        Keeps(Problem(Amelia, lower), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(lower, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule5_Workers_a_worker_not_available_for_the_whole_session_is_caught()
    {
        var afternoon = Amelia with { EarliestStart = 12 * 60 + 30, LatestStart = 13 * 60 };
        Breaks(RotaRule.Workers, Problem(afternoon, Noah), Plan([Place(afternoon, RoomA, 12 * 60 + 30, "w3"), Place(Noah, RoomB, Ten, "w1")]));
        var tuesday = Noah with { Day = 1 };
        var problem = Problem(Amelia, tuesday) with { Rooms = [RoomA, RoomB with { Open = [new DayWindow(1, 9 * 60, 19 * 60)] }] };
        Breaks(RotaRule.Workers, problem, Plan([Place(Amelia, RoomA, Ten, "w2"), Place(tuesday, RoomB, Ten, "w1")]));
    }

    // ---- 6. One place at a time for a worker ----

    [Fact]
    public void Rule6_A_worker_needs_turnaround_between_sessions_at_the_same_venue()
    {
        var homely = Noah with { RoomNeeds = RoomFeatures.None, SkillsNeeded = WorkerSkills.None, Language = null, LatestStart = 14 * 60 };
        // Amelia 10:00–11:00 in the Oak Room, then the same worker in the same venue: 11:15 at the earliest.
        var other = RoomA with { Id = Guid.NewGuid(), Name = "Willow Room" };
        var problem = Problem(Amelia, homely) with { Rooms = [RoomA, RoomB, other] };
        Breaks(RotaRule.OnePlaceAtATimeForAWorker, problem, Plan([Place(Amelia, RoomA, Ten, "w2"), Place(homely, other, Ten + 70, "w2")]));
        Keeps(problem, Plan([Place(Amelia, RoomA, Ten, "w2"), Place(homely, other, Ten + 75, "w2")]));
    }

    [Fact]
    public void Rule6_A_worker_needs_travel_time_between_venues()
    {
        var plain = Noah with { RoomNeeds = RoomFeatures.None, SkillsNeeded = WorkerSkills.None, Language = null, LatestStart = 14 * 60 };
        // Oak Room (place 0) ends 11:00; the Blue Room (place 1) is 20 minutes away: 11:35 at the earliest.
        Breaks(RotaRule.OnePlaceAtATimeForAWorker, Problem(Amelia, plain), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(plain, RoomB, Ten + 90, "w2")]));
        Keeps(Problem(Amelia, plain), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(plain, RoomB, Ten + 95, "w2")]));
    }

    [Fact]
    public void Rule6_Family_time_in_the_community_starts_from_home_for_travel()
    {
        // Noah in the community from home (place 1) after Amelia in the Oak Room (place 0): 20 minutes' travel.
        var community = Noah with { NeedsRoom = false, RoomNeeds = RoomFeatures.None, SkillsNeeded = WorkerSkills.None, Language = null, LatestStart = 14 * 60 };
        Breaks(RotaRule.OnePlaceAtATimeForAWorker, Problem(Amelia, community), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(community, null, Ten + 90, "w2")]));
        Keeps(Problem(Amelia, community), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(community, null, Ten + 95, "w2")]));
    }

    [Fact]
    public void Rule6_A_joint_meeting_of_brothers_and_sisters_is_one_place()
    {
        var (a, b) = Siblings();
        Keeps(Problem(a, b), Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w2")]));
        // The same pair one minute apart, each in its own room: not joint, the worker is in two places.
        var other = RoomA with { Id = Guid.NewGuid(), Name = "Willow Room" };
        var problem = Problem(a, b with { ParentIds = [ParentOfNoah] }) with { Rooms = [RoomA, RoomB, other] };
        Breaks(RotaRule.OnePlaceAtATimeForAWorker, problem, Plan([Place(a, RoomA, Ten, "w2"), Place(problem.Sessions[1], other, Ten + 1, "w2")]));
    }

    // ---- 7. Hours ----

    [Fact]
    public void Rule7_Hours_a_worker_over_their_week_is_caught()
    {
        var shortWeek = Worker with { MaxMinutesPerWeek = 59 };
        var problem = Problem() with { Workers = [Assessor, shortWeek, Driver] };
        Breaks(RotaRule.Hours, problem, ValidPlan());
        Keeps(problem with { Workers = [Assessor, Worker with { MaxMinutesPerWeek = 60 }, Driver] }, ValidPlan());
    }

    [Fact]
    public void Rule7_Hours_a_joint_meeting_counts_once()
    {
        var (a, b) = Siblings();
        var problem = Problem(a, b) with { Workers = [Assessor, Worker with { MaxMinutesPerWeek = 60 }, Driver] };
        Keeps(problem, Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w2")]));
    }

    // ---- 8. One place at a time for a child or a parent ----

    [Fact]
    public void Rule8_A_child_in_two_sessions_at_once_is_caught()
    {
        var again = Noah with { ChildId = Amelia.ChildId, ParentIds = [] , RoomNeeds = RoomFeatures.None, SkillsNeeded = WorkerSkills.None, Language = null };
        Breaks(RotaRule.OnePlaceAtATimeForAChildOrParent, Problem(Amelia, again), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(again, RoomB, Ten + 30, "w1")]));
        Keeps(Problem(Amelia, again), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(again, RoomB, Ten + 60, "w1")]));
    }

    [Fact]
    public void Rule8_A_parent_in_two_sessions_at_once_is_caught()
    {
        var sharedParent = Noah with { ParentIds = [ParentOfNoah, ParentOfAmelia] };
        Breaks(RotaRule.OnePlaceAtATimeForAChildOrParent, Problem(Amelia, sharedParent), Plan([Place(Amelia, RoomA, Ten, "w2"), Place(sharedParent, RoomB, Ten, "w1")]));
    }

    [Fact]
    public void Rule8_Brothers_and_sisters_apart_at_the_same_time_are_caught_together_they_are_not()
    {
        var (a, b) = Siblings();
        var other = RoomA with { Id = Guid.NewGuid(), Name = "Willow Room" };
        var problem = Problem(a, b) with { Rooms = [RoomA, RoomB, other] };
        Breaks(RotaRule.OnePlaceAtATimeForAChildOrParent, problem, Plan([Place(a, RoomA, Ten, "w2"), Place(b, other, Ten, "w1")]));
        Keeps(problem, Plan([Place(a, RoomA, Ten, "w2"), Place(b, RoomA, Ten, "w2")]));
    }

    // ---- 9. Pins ----

    [Fact]
    public void Rule9_Pins_a_placed_pinned_session_keeps_its_room_start_and_workers()
    {
        var problem = Problem() with { Pins = [new RotaPin(Amelia.Id, RoomA.Id, Ten + 30, ["w2"])] };
        Breaks(RotaRule.Pins, problem, ValidPlan());
        Keeps(problem, Plan([Place(Amelia, RoomA, Ten + 30, "w2"), Place(Noah, RoomB, Ten, "w1")]));
        var workersOnly = Problem() with { Pins = [new RotaPin(Noah.Id, null, null, ["w1"])] };
        Keeps(workersOnly, ValidPlan());
        var otherWorker = Problem() with { Pins = [new RotaPin(Amelia.Id, null, null, ["w3"])] };
        Breaks(RotaRule.Pins, otherWorker, ValidPlan());
    }

    [Fact]
    public void Rule9_Pins_a_pinned_session_left_unplaced_though_its_pin_breaks_no_rule_is_caught()
    {
        var problem = Problem() with { Pins = [new RotaPin(Amelia.Id, RoomA.Id, Ten, ["w2"])] };
        Breaks(RotaRule.Pins, problem, Plan([Place(Noah, RoomB, Ten, "w1")], [new UnplacedSession(Amelia.Id, "The pin could not be kept")]));
    }

    [Fact]
    public void Rule9_Pins_a_pin_that_breaks_a_rule_may_leave_the_session_unplaced_when_the_reason_says_so()
    {
        // Pinned to start at 09:00, before Amelia's window opens at 10:00: rule 2.
        var problem = Problem() with { Pins = [new RotaPin(Amelia.Id, null, 9 * 60, null)] };
        Keeps(problem, Plan([Place(Noah, RoomB, Ten, "w1")], [new UnplacedSession(Amelia.Id, "Pinned to 09:00, before the window opens")]));
        Breaks(RotaRule.Pins, problem, Plan([Place(Noah, RoomB, Ten, "w1")], [new UnplacedSession(Amelia.Id, "No room free")]));
        // Pinned to a worker without the assessed training: rule 5.
        var unskilled = Problem() with { Pins = [new RotaPin(Noah.Id, null, null, ["w2"])] };
        Keeps(unskilled, Plan([Place(Amelia, RoomA, Ten, "w2")], [new UnplacedSession(Noah.Id, "Its pin names a worker not trained to assess")]));
        // Two pins in one room at one time: rule 4.
        var homely = Noah with { RoomNeeds = RoomFeatures.None };
        var clash = Problem(Amelia, homely) with { Pins = [new RotaPin(Amelia.Id, RoomA.Id, Ten, null), new RotaPin(homely.Id, RoomA.Id, Ten, null)] };
        Keeps(clash, Plan([Place(Amelia, RoomA, Ten, "w2")], [new UnplacedSession(homely.Id, "Its pin clashes with Amelia's pin")]));
    }

    // ---- 10. Few moves ----

    [Fact]
    public void Rule10_Few_moves_more_moved_published_sessions_than_the_share_allows_is_caught()
    {
        // Two published, 5 %: ceil(0.1) = 1 may move.
        var published = new[] { Place(Amelia, RoomA, Ten + 30, "w2"), Place(Noah, RoomB, Ten + 30, "w1") };
        var problem = Problem() with { Published = published };
        Breaks(RotaRule.FewMoves, problem, ValidPlan());
        Keeps(problem, Plan([Place(Amelia, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten + 30, "w1")]));
        Keeps(problem with { Options = new RotaOptions(MaxMovedShare: null) }, ValidPlan());
        Keeps(problem with { Options = new RotaOptions(MaxMovedShare: 1.0) }, ValidPlan());
    }

    [Fact]
    public void Rule10_Few_moves_an_unplaced_published_session_counts_as_moved()
    {
        var problem = Problem() with { Published = [Place(Amelia, RoomA, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")], Options = new RotaOptions(MaxMovedShare: 0.0) };
        Breaks(RotaRule.FewMoves, problem, Plan([Place(Amelia, RoomA, Ten, "w2")], [new UnplacedSession(Noah.Id, "No assessor free")]));
        Keeps(problem, ValidPlan());
    }

    [Fact]
    public void Rule10_Few_moves_a_published_session_that_now_breaks_a_rule_must_move_and_does_not_count()
    {
        // Noah was published with the driver, who is not trained to assess: that assignment breaks rule 5 on its own,
        // so moving it is free. Amelia's published room now closes at 10:45, before her session ends (rule 3).
        var published = new[] { Place(Amelia, RoomA, Ten + 30, "w2"), Place(Noah, RoomB, Ten, "w3") };
        var closedA = RoomA with { Open = [new DayWindow(0, 9 * 60, 10 * 60 + 45)] };
        var open = RoomA with { Id = Guid.NewGuid(), Name = "Willow Room" };
        var problem = Problem() with { Rooms = [closedA, RoomB, open], Published = published, Options = new RotaOptions(MaxMovedShare: 0.0) };
        Keeps(problem, Plan([Place(Amelia, open, Ten, "w2"), Place(Noah, RoomB, Ten, "w1")]));
    }

    private static (RotaSession A, RotaSession B) Siblings()
    {
        var a = Amelia with { TogetherKey = "siblings-1", People = 3 };
        var b = Noah with
        {
            TogetherKey = "siblings-1", ParentIds = [ParentOfAmelia], People = 3, RoomNeeds = RoomFeatures.None,
            SkillsNeeded = WorkerSkills.None, Language = null, Duration = 60, HomePlace = 0,
        };
        return (a, b);
    }
}
