using FamilyTime.Domain.Venues;
using FamilyTime.Scheduling.Generation;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Tests.Generation;

public class CityWeekGeneratorTests
{
    private static readonly RotaProblem Small = CityWeekGenerator.Generate(GeneratorSpec.Small(7));
    private static readonly RotaProblem Medium = CityWeekGenerator.Generate(GeneratorSpec.Medium(3));

    public static TheoryData<string> Weeks => new() { "small", "medium", "overloaded" };

    private static RotaProblem Week(string name) => name switch
    {
        "small" => Small,
        "medium" => Medium,
        _ => CityWeekGenerator.Generate(GeneratorSpec.Small(11).Overloaded()),
    };

    [Fact]
    public void Same_seed_gives_the_same_problem_field_for_field()
    {
        var again = CityWeekGenerator.Generate(GeneratorSpec.Small(7));
        Assert.Equal(ProblemText.Describe(Small), ProblemText.Describe(again));
    }

    [Fact]
    public void Another_seed_gives_another_problem()
    {
        var other = CityWeekGenerator.Generate(GeneratorSpec.Small(8));
        Assert.NotEqual(ProblemText.Describe(Small), ProblemText.Describe(other));
    }

    [Theory]
    [InlineData(400, 20, 50)]
    [InlineData(1500, 45, 150)]
    [InlineData(2000, 60, 200)]
    public void Presets_have_the_sizes_they_name(int sessions, int rooms, int workers)
    {
        var spec = GeneratorSpec.ForSessions(sessions);
        Assert.Equal((sessions, rooms, workers), (spec.Sessions, spec.Rooms, spec.Workers));
    }

    [Fact]
    public void A_week_has_exactly_the_sessions_rooms_and_workers_asked_for()
    {
        Assert.Equal((400, 20, 50), (Small.Sessions.Count, Small.Rooms.Count, Small.Workers.Count));
        Assert.Equal((1500, 45, 150), (Medium.Sessions.Count, Medium.Rooms.Count, Medium.Workers.Count));
    }

    [Fact]
    public void A_city_of_areas_gives_each_area_its_own_venues_team_and_families()
    {
        var areas = Medium.Sessions.Select(s => s.Area).Distinct().ToList();
        Assert.Equal(5, areas.Count);
        Assert.DoesNotContain(null, areas);
        Assert.Equal(areas.Order(), Medium.Rooms.Select(r => r.Area).Distinct().Order());
        Assert.Equal(areas.Order(), Medium.Workers.Select(w => w.Area).Distinct().Order());
        var workers = Medium.Workers.ToDictionary(w => w.Id);
        foreach (var area in areas)
        {
            var sessions = Medium.Sessions.Where(s => s.Area == area).ToList();
            var rooms = Medium.Rooms.Where(r => r.Area == area).ToList();
            var team = Medium.Workers.Where(w => w.Area == area).ToList();
            // An equal share of each, give or take a family or a venue.
            Assert.InRange(sessions.Count, 270, 330);
            Assert.InRange(rooms.Count, 7, 11);
            Assert.Equal(30, team.Count);
            // Each area has the rooms assessed family time and babies need, and rooms open at the weekend.
            Assert.Contains(rooms, r => r.Features.HasFlag(RoomFeatures.Observation));
            Assert.Contains(rooms, r => r.Features.HasFlag(RoomFeatures.Formal));
            Assert.Contains(rooms, r => r.Features.HasFlag(RoomFeatures.BabyChange));
            Assert.Contains(rooms, r => r.Open.Any(w => w.Day == 5));
            // A child's previous supervisor, and the speakers of the languages its families ask for, are in the area.
            Assert.All(sessions.Where(s => s.PreviousSupervisorId is not null), s => Assert.Equal(area, workers[s.PreviousSupervisorId!].Area));
            Assert.All(sessions.Where(s => s.Language is not null), s =>
                Assert.True(team.Count(w => w.Available.Count > 0 && w.Languages.Contains(s.Language!)) >= 2, $"{s.Language} in {area}"));
        }
        // A city of one area leaves the areas out: any room and worker for any session.
        Assert.All(Small.Sessions, s => Assert.Null(s.Area));
        Assert.All(Small.Rooms, r => Assert.Null(r.Area));
        Assert.All(Small.Workers, w => Assert.Null(w.Area));
    }

    [Fact]
    public void An_overloaded_week_has_the_same_sessions_count_but_fewer_rooms_and_workers()
    {
        var overloaded = Week("overloaded");
        Assert.Equal(400, overloaded.Sessions.Count);
        Assert.True(overloaded.Rooms.Count < 20 && overloaded.Workers.Count < 50);
    }

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Ids_are_unique_and_every_place_is_in_the_travel_matrix(string name)
    {
        var p = Week(name);
        Assert.Equal(p.Sessions.Count, p.Sessions.Select(s => s.Id).Distinct().Count());
        Assert.Equal(p.Rooms.Count, p.Rooms.Select(r => r.Id).Distinct().Count());
        Assert.Equal(p.Workers.Count, p.Workers.Select(w => w.Id).Distinct().Count());
        var places = p.Travel.Places.Count;
        Assert.All(p.Rooms, r => Assert.InRange(r.Place, 0, places - 1));
        Assert.All(p.Sessions, s => Assert.InRange(s.HomePlace, 0, places - 1));
        Assert.All(p.Workers, w => Assert.InRange(w.BasePlace ?? 0, 0, places - 1));
        Assert.All(p.Sessions, s => Assert.InRange(s.Day, 0, 6));
    }

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Travel_matrix_is_square_symmetric_with_zero_diagonal_and_keeps_the_triangle(string name)
    {
        var t = Week(name).Travel;
        var n = t.Places.Count;
        Assert.Equal((n, n), (t.Minutes.GetLength(0), t.Minutes.GetLength(1)));
        Assert.Equal(n, t.Places.Distinct().Count());
        for (var a = 0; a < n; a++)
        {
            Assert.Equal(0, t.Between(a, a));
            for (var b = 0; b < n; b++)
            {
                Assert.Equal(t.Between(a, b), t.Between(b, a));
                if (a != b) Assert.InRange(t.Between(a, b), 1, 90);
                for (var c = 0; c < n; c++) Assert.True(t.Between(a, c) <= t.Between(a, b) + t.Between(b, c));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Every_session_has_a_start_where_a_suitable_room_is_open_and_suitable_workers_are_free(string name)
    {
        var p = Week(name);
        foreach (var s in p.Sessions)
        {
            Assert.True(s.EarliestStart <= s.LatestStart, $"{s.Id} window");
            Assert.InRange(s.Duration, 60, 120);
            var possible = false;
            for (var start = s.EarliestStart; start <= s.LatestStart && !possible; start++)
            {
                var end = start + s.Duration;
                var room = !s.NeedsRoom || p.Rooms.Any(r => (r.Features & s.RoomNeeds) == s.RoomNeeds
                    && r.Capacity >= s.People && (s.FixedVenueId is null || r.VenueId == s.FixedVenueId)
                    && r.Open.Any(w => w.Holds(s.Day, start, end)));
                var free = p.Workers.Where(w => (w.Skills & s.SkillsNeeded) == s.SkillsNeeded
                    && w.Available.Any(a => a.Holds(s.Day, start, end))).ToList();
                var workers = free.Count >= s.WorkersNeeded
                    && (s.WorkersNeeded == 0 || s.Language is null || free.Any(w => w.Languages.Contains(s.Language)));
                possible = room && workers;
            }
            Assert.True(possible, $"session {s.Id} ({s.ChildName}, day {s.Day}) cannot be placed even alone");
        }
    }

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Windows_follow_the_childs_day_after_school_on_weekdays_daytime_for_babies(string name)
    {
        var p = Week(name);
        Assert.All(p.Sessions, s =>
        {
            Assert.InRange(s.EarliestStart, 9 * 60, 16 * 60);
            Assert.True(s.LatestStart + s.Duration <= 18 * 60 + 30, "over by half past six");
            if (s.Day >= 5 || (s.IsInfant && s.TogetherKey is null)) Assert.True(s.LatestStart + s.Duration <= 16 * 60 + 30, "daytime");
        });
        // School-age children on weekdays: the after-school window (babies too, when they come with older brothers and sisters).
        Assert.Contains(p.Sessions, s => s.Day < 5 && !s.IsInfant && s.EarliestStart >= 15 * 60 + 30);
    }

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Rooms_are_open_in_opening_hours_and_workers_available_in_working_hours(string name)
    {
        var p = Week(name);
        Assert.All(p.Rooms, r => Assert.All(r.Open, w => Assert.True(w.From >= 8 * 60 && w.Until <= 20 * 60 && w.From < w.Until)));
        Assert.All(p.Workers, w => Assert.All(w.Available, a => Assert.True(a.From >= 8 * 60 && a.Until <= 20 * 60 && a.From < a.Until)));
        Assert.All(p.Rooms, r => Assert.InRange(r.Capacity, 4, 12));
        Assert.Contains(p.Rooms, r => r.Open.Any(w => w.Day == 5));
        Assert.Contains(p.Workers, w => w.Available.Count == 0 || w.Available.Select(a => a.Day).Distinct().Count() < 5);
    }

    [Fact]
    public void The_mix_of_sessions_is_a_city_weeks_mix()
    {
        var s = Medium.Sessions;
        double Share(Func<RotaSession, bool> f) => s.Count(f) / (double)s.Count;
        Assert.InRange(Share(x => !x.NeedsRoom), 0.08, 0.22);
        Assert.InRange(Share(x => x.WorkersNeeded == 2), 0.02, 0.09);
        Assert.InRange(Share(x => x.Language is not null), 0.05, 0.15);
        Assert.InRange(Share(x => x.IsInfant), 0.15, 0.5);
        Assert.InRange(Share(x => x.TogetherKey is not null), 0.1, 0.45);
        Assert.InRange(Share(x => x.SkillsNeeded.HasFlag(Domain.Workforce.WorkerSkills.Assessed)), 0.05, 0.2);
        Assert.InRange(Share(x => x.WorkersNeeded > 0 && x.PreviousSupervisorId is not null) / Share(x => x.WorkersNeeded > 0), 0.7, 0.95);
        Assert.Contains(s, x => x.RoomNeeds.HasFlag(RoomFeatures.BabyChange));
        Assert.Contains(s, x => x.RoomNeeds.HasFlag(RoomFeatures.Observation));
        Assert.Contains(s, x => x.FixedVenueId is not null);
        Assert.Contains(Medium.Workers, w => w.Available.Count == 0);
        Assert.All(s.Where(x => x.PreviousSupervisorId is not null), x => Assert.Contains(Medium.Workers, w => w.Id == x.PreviousSupervisorId));
        Assert.All(s.Where(x => x.Language is not null), x => Assert.True(Medium.Workers.Count(w => w.Languages.Contains(x.Language!)) >= 2));
    }

    [Fact]
    public void Brothers_and_sisters_share_parents_home_and_day_under_one_together_key()
    {
        var groups = Medium.Sessions.Where(s => s.TogetherKey is not null).GroupBy(s => (s.TogetherKey, s.Day)).ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g =>
        {
            Assert.True(g.Count() >= 2, "a together key names at least two children on the day");
            Assert.Equal(g.Count(), g.Select(s => s.ChildId).Distinct().Count());
            Assert.Single(g.Select(s => string.Join(",", s.ParentIds)).Distinct());
            Assert.Single(g.Select(s => s.HomePlace).Distinct());
            Assert.Single(g.Select(s => (s.Duration, s.WorkersNeeded)).Distinct());
        });
        // A child seen twice a week keeps the same id; their sessions are on different days.
        Assert.All(Medium.Sessions.GroupBy(s => s.ChildId), g => Assert.Equal(g.Count(), g.Select(s => s.Day).Distinct().Count()));
        Assert.Contains(Medium.Sessions.GroupBy(s => s.ChildId), g => g.Count() > 1);
    }
}
