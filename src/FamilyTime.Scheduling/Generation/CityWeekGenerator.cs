using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Generation;

/// <summary>
/// Generates a realistic week of family time in a city, for the tests and the benchmark: venues with rooms across
/// postcode districts, workers with their working patterns and leave, and children's sessions with the windows their
/// ages allow. Everything is drawn from one <see cref="Random"/> seeded with <see cref="GeneratorSpec.Seed"/>, in a
/// fixed order, so the same spec always gives the same problem.
/// </summary>
/// <remarks>
/// The shape of an ordinary week (why the numbers are what they are):
/// <list type="bullet">
/// <item>Children of school age (5–17) are seen after school on weekdays (starting from 15:30 or 16:00, ending by
/// 18:30) or in the daytime at weekends; babies and under-fives in the daytime. Babies are seen two or three times a
/// week, school-age children once, so the evenings after school are the week's bottleneck, as they are in life.</item>
/// <item>About 15 % of sessions are in the community (no room; more of them at weekends), 5 % need two workers, 10 %
/// an interpreter language, about a fifth of children come with brothers and sisters (same parents, home, day, window
/// and one <c>TogetherKey</c>). For brothers and sisters the first child's <c>People</c> counts the adults and the
/// others count themselves, so a joint meeting's sum (rule 4) is the real headcount.</item>
/// <item>Weekends are lighter (about one session in six) and fewer workers and rooms are there for them.</item>
/// <item>Every session can be placed on its own: some room is open for it and some workers are free with the skills
/// and language it needs (checked while generating and repaired by moving the day or dropping a wish). Whether they
/// can all be placed together is the planner's problem; at load 1 most can.</item>
/// </list>
/// </remarks>
public sealed class CityWeekGenerator
{
    /// <summary>Monday of the generated week (any Monday would do; this one is after the app's test clock).</summary>
    public static readonly DateOnly WeekStart = new(2026, 11, 23);

    private const int Monday = 0, Friday = 4, Saturday = 5, Sunday = 6;
    private const int SchoolOut = 15 * 60 + 30, EveningEnd = 18 * 60 + 30, DaytimeEnd = 16 * 60 + 30;

    private readonly GeneratorSpec _spec;
    private readonly Random _random;
    private readonly List<District> _districts = [];
    /// <summary>The areas' names (empty for a city of one area), indexed by <see cref="District.Area"/>.</summary>
    private readonly List<string> _areaNames = [];
    private readonly List<VenueDraft> _venues = [];
    private readonly List<RoomDraft> _rooms = [];
    private readonly List<WorkerDraft> _workers = [];
    private readonly List<List<SessionDraft>> _occasions = [];
    private int[,] _travel = new int[0, 0];

    private CityWeekGenerator(GeneratorSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Sessions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Rooms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spec.Load, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Areas, 1);
        // Each area needs a room, a worker and a postcode district of its own (a city has at least ten districts).
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Areas, Math.Min(10, Math.Min(spec.RoomsAfterLoad, spec.WorkersAfterLoad)));
        _spec = spec;
        _random = new Random(spec.Seed);
    }

    /// <summary>The week the spec describes. Same spec, same problem, field for field.</summary>
    public static RotaProblem Generate(GeneratorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CityWeekGenerator(spec).Build();
    }

    private RotaProblem Build()
    {
        MakeDistricts();
        MakeAreas();
        MakeVenuesAndRooms();
        MakeWorkers();
        MakeSessions();
        EnoughSpeakers();
        foreach (var occasion in _occasions) MakePossible(occasion);
        ChoosePreviousSupervisors();

        var rooms = _rooms.Select(r => new RotaRoom(r.Id, r.Venue.Id, r.Name, r.Venue.Name, r.Venue.Place, r.Capacity,
            r.Features, r.Open.OrderBy(w => w.Day).ThenBy(w => w.From).ToList(), AreaName(r.Venue.Place))).ToList();
        var workers = _workers.Select(w => new RotaWorker(w.Id, w.Name, w.Skills,
            new HashSet<string>(w.Languages, StringComparer.OrdinalIgnoreCase),
            w.Available.OrderBy(a => a.Day).ThenBy(a => a.From).ToList(), w.BasePlace, w.MaxMinutes, AreaName(w.BasePlace))).ToList();
        var sessions = _occasions.SelectMany(o => o).Select(s => new RotaSession(s.Id, s.ChildId, s.ChildName, s.Day,
            s.Earliest, s.Latest, s.Duration, s.People, s.NeedsRoom, s.Needs, s.WorkersNeeded, s.Skills, s.Language,
            s.Parents, s.Home, s.IsInfant, s.PreviousSupervisor, s.TogetherKey, s.FixedVenue, AreaName(s.Home))).ToList();
        var travel = new TravelMatrix(_districts.Select(d => d.Name).ToList(), _travel);
        var load = _spec.Load == 1.0 ? "" : FormattableString.Invariant($", load {_spec.Load:0.##}");
        var areas = _spec.Areas == 1 ? "" : FormattableString.Invariant($", {_spec.Areas} areas");
        return new RotaProblem(FormattableString.Invariant($"{_spec.City} (generated, seed {_spec.Seed}{load}{areas})"),
            WeekStart, rooms, workers, sessions, travel, new RotaWeights(), [], [], new RotaOptions());
    }

    // ---- The city: postcode districts around a centre, travel by distance at city speed ----

    private void MakeDistricts()
    {
        // Enough districts that venues and homes spread out: about one per two rooms, at least ten.
        var count = Math.Clamp(_spec.RoomsAfterLoad / 2 + 6, 10, 36);
        var prefix = _spec.City.Length > 0 ? char.ToUpperInvariant(_spec.City[0]).ToString() : "C";
        var numbers = Enumerable.Range(2, 58).ToList();
        Shuffle(numbers);
        var localities = CityWords.Localities.ToList();
        Shuffle(localities);
        for (var i = 0; i < count; i++)
        {
            // The first district is the centre; the rest spread over a disc of 8 km (uniform by area).
            var radius = i == 0 ? 0 : 8.0 * Math.Sqrt(0.03 + 0.97 * _random.NextDouble());
            var angle = _random.NextDouble() * 2 * Math.PI;
            var number = i == 0 ? 1 : numbers[i - 1];
            _districts.Add(new District($"{prefix}{number}", localities[i % localities.Count],
                radius * Math.Cos(angle), radius * Math.Sin(angle)));
        }

        // Minutes = 4 (parking, walking in) + 2.6 a kilometre (about 23 km/h across a city). The constant makes the
        // rounded matrix keep the triangle inequality; same district = 0.
        _travel = new int[count, count];
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                var km = Math.Sqrt(Math.Pow(_districts[a].X - _districts[b].X, 2) + Math.Pow(_districts[a].Y - _districts[b].Y, 2));
                var minutes = 4 + (int)Math.Round(km * 2.6);
                _travel[a, b] = minutes;
                _travel[b, a] = minutes;
            }
        }
    }

    // ---- Areas: the city's districts in equal slices around the centre, named by compass point ----

    private void MakeAreas()
    {
        if (_spec.Areas == 1) return;
        // Districts ordered by their bearing from the centre, cut into slices of (nearly) equal count: every area gets
        // districts, and so homes and venues. No random draws, so a city of one area is drawn exactly as before.
        var byBearing = Enumerable.Range(0, _districts.Count).OrderBy(d => Bearing(_districts[d])).ThenBy(d => d).ToList();
        var bearings = new List<double>[_spec.Areas];
        for (var a = 0; a < _spec.Areas; a++) bearings[a] = [];
        for (var k = 0; k < byBearing.Count; k++)
        {
            var area = k * _spec.Areas / byBearing.Count;
            _districts[byBearing[k]] = _districts[byBearing[k]] with { Area = area };
            bearings[area].Add(Bearing(_districts[byBearing[k]]));
        }
        string[] compass = ["East", "North-east", "North", "North-west", "West", "South-west", "South", "South-east"];
        for (var a = 0; a < _spec.Areas; a++)
        {
            var middle = bearings[a].Count == 0 ? 0 : bearings[a][bearings[a].Count / 2];
            var name = compass[(int)Math.Round(middle / 45.0) % 8];
            _areaNames.Add(_areaNames.Contains(name) ? FormattableString.Invariant($"{name} {a + 1}") : name);
        }
    }

    private static double Bearing(District d) => (Math.Atan2(d.Y, d.X) * 180 / Math.PI + 360) % 360;

    private string? AreaName(int district) => _spec.Areas == 1 ? null : _areaNames[_districts[district].Area];

    /// <summary>A random district: anywhere in a city of one area, else in the given area.</summary>
    private int DistrictIn(int area)
    {
        if (_spec.Areas == 1) return _random.Next(_districts.Count);
        var inArea = Enumerable.Range(0, _districts.Count).Where(d => _districts[d].Area == area).ToList();
        return inArea[_random.Next(inArea.Count)];
    }

    private bool SameArea(int districtA, int districtB) => _districts[districtA].Area == _districts[districtB].Area;

    // ---- Venues: family centres, children's centres and halls, each with its hours ----

    private void MakeVenuesAndRooms()
    {
        var target = _spec.RoomsAfterLoad;
        var roomNames = CityWords.RoomNames;
        while (_rooms.Count < target)
        {
            var kind = Pick((VenueKind.FamilyCentre, 40), (VenueKind.ChildrensCentre, 35), (VenueKind.Hall, 25));
            // Each area gets its share of rooms: the next venue goes to the area with fewest rooms so far.
            var place = DistrictIn(Enumerable.Range(0, _spec.Areas).MinBy(a => _rooms.Count(r => _districts[r.Venue.Place].Area == a)));
            var district = _districts[place];
            var name = kind switch
            {
                VenueKind.FamilyCentre => $"{district.Locality} Family Centre",
                VenueKind.ChildrensCentre => $"{district.Locality} Children's Centre",
                _ => $"{district.Locality} Community Hall",
            };
            if (_venues.Any(v => v.Name == name)) name = $"{name} ({district.Name})";
            if (_venues.Any(v => v.Name == name)) name = $"{name} {_venues.Count + 1}";
            var venue = new VenueDraft(NextGuid(), name, place, kind, OpeningFor(kind));
            _venues.Add(venue);

            var roomCount = kind switch
            {
                VenueKind.FamilyCentre => _random.Next(3, 5),
                VenueKind.ChildrensCentre => _random.Next(2, 4),
                _ => _random.Next(1, 3),
            };
            for (var i = 0; i < roomCount && _rooms.Count < target; i++)
            {
                var room = new RoomDraft(NextGuid(), venue, roomNames[i % roomNames.Length],
                    Pick((4, 15), (5, 15), (6, 25), (8, 25), (10, 15), (12, 5)), FeaturesFor(kind),
                    venue.Open.ToList());
                // Now and then a room is out of use for a day (a leak, a repair): closures are already taken out.
                if (_random.NextDouble() < 0.04 && room.Open.Count > 1) room.Open.RemoveAt(_random.Next(room.Open.Count));
                _rooms.Add(room);
            }
        }

        // Every city (every area of it) has a few of each kind of room assessed family time and babies need.
        for (var area = 0; area < _spec.Areas; area++)
        {
            var rooms = _rooms.Where(r => _districts[r.Venue.Place].Area == area).ToList();
            Ensure(rooms, r => r.Features.HasFlag(RoomFeatures.Observation), 0.2, r => r.Features |= RoomFeatures.Observation);
            Ensure(rooms, r => r.Features.HasFlag(RoomFeatures.Formal), 0.15, r => r.Features |= RoomFeatures.Formal);
            Ensure(rooms, r => r.Features.HasFlag(RoomFeatures.BabyChange), 0.35, r => r.Features |= RoomFeatures.BabyChange);
            Ensure(rooms, r => r.Features.HasFlag(RoomFeatures.StepFree), 0.5, r => r.Features |= RoomFeatures.StepFree);
            // And some are open at weekends.
            Ensure(rooms, r => r.Open.Any(w => w.Day == Saturday), 0.45, r => r.Open.Add(new DayWindow(Saturday, 9 * 60, 17 * 60)));
            Ensure(rooms, r => r.Open.Any(w => w.Day == Sunday), 0.12, r => r.Open.Add(new DayWindow(Sunday, 10 * 60, 16 * 60)));
        }
    }

    private void Ensure(List<RoomDraft> rooms, Func<RoomDraft, bool> has, double share, Action<RoomDraft> give)
    {
        var needed = (int)Math.Ceiling(share * rooms.Count);
        var without = rooms.Where(r => !has(r)).ToList();
        for (var count = rooms.Count - without.Count; count < needed && without.Count > 0; count++)
        {
            var i = _random.Next(without.Count);
            give(without[i]);
            without.RemoveAt(i);
        }
    }

    private List<DayWindow> OpeningFor(VenueKind kind)
    {
        var open = new List<DayWindow>();
        switch (kind)
        {
            case VenueKind.FamilyCentre:
                for (var d = Monday; d <= Friday; d++) open.Add(new DayWindow(d, 8 * 60 + 30, 19 * 60 + 30));
                if (_random.NextDouble() < 0.6) open.Add(new DayWindow(Saturday, 9 * 60, 17 * 60));
                if (_random.NextDouble() < 0.25) open.Add(new DayWindow(Sunday, 10 * 60, 16 * 60));
                break;
            case VenueKind.ChildrensCentre:
                var late = _random.NextDouble() < 0.5;
                for (var d = Monday; d <= Friday; d++) open.Add(new DayWindow(d, 8 * 60, late ? 19 * 60 : 18 * 60));
                if (_random.NextDouble() < 0.3) open.Add(new DayWindow(Saturday, 9 * 60 + 30, 13 * 60 + 30));
                break;
            default:
                // A hall is hired on some days only, mornings-to-evening or afternoons-to-evening.
                var from = _random.NextDouble() < 0.5 ? 9 * 60 + 30 : 13 * 60;
                for (var d = Monday; d <= Friday; d++)
                {
                    if (_random.NextDouble() < 0.7) open.Add(new DayWindow(d, from, 20 * 60));
                }
                if (_random.NextDouble() < 0.35) open.Add(new DayWindow(Saturday, 10 * 60, 16 * 60));
                if (open.Count == 0) open.Add(new DayWindow(_random.Next(Monday, Friday + 1), from, 20 * 60));
                break;
        }
        // One venue in twenty is closed for a day this week (training, a boiler): taken out already, as the app does.
        if (_random.NextDouble() < 0.05 && open.Count > 1) open.RemoveAt(_random.Next(open.Count));
        return open;
    }

    private RoomFeatures FeaturesFor(VenueKind kind)
    {
        // Chances of each feature by kind of venue: family centres are homely, halls are plain.
        (RoomFeatures Feature, double Family, double Childrens, double Hall)[] chances =
        [
            (RoomFeatures.FamilyFriendly, 0.9, 0.8, 0.4),
            (RoomFeatures.Formal, 0.2, 0.15, 0.35),
            (RoomFeatures.BabyChange, 0.6, 0.8, 0.3),
            (RoomFeatures.Kitchen, 0.5, 0.4, 0.5),
            (RoomFeatures.Garden, 0.35, 0.4, 0.1),
            (RoomFeatures.StepFree, 0.8, 0.85, 0.6),
            (RoomFeatures.Observation, 0.3, 0.1, 0.05),
        ];
        var features = RoomFeatures.None;
        foreach (var (feature, family, childrens, hall) in chances)
        {
            var chance = kind switch { VenueKind.FamilyCentre => family, VenueKind.ChildrensCentre => childrens, _ => hall };
            if (_random.NextDouble() < chance) features |= feature;
        }
        return features;
    }

    // ---- Workers: working patterns, leave, languages, skills ----

    private void MakeWorkers()
    {
        var count = _spec.WorkersAfterLoad;
        for (var i = 0; i < count; i++)
        {
            var name = $"{PickOf(CityWords.FirstNames)} {PickOf(CityWords.Surnames)}";
            var pattern = Pick((Pattern.Standard, 20), (Pattern.Late, 25), (Pattern.Split, 12), (Pattern.Weekend, 25),
                (Pattern.PartDays, 8), (Pattern.PartEvenings, 10));
            var available = PatternWindows(pattern);
            var maxMinutes = pattern is Pattern.PartDays or Pattern.PartEvenings ? 22 * 60 + 30 : 37 * 60;

            // Leave: one in ten is off for a few days this week, one in fifty off all week (still on the list).
            var leave = _random.NextDouble();
            if (leave < 0.02) available.Clear();
            else if (leave < 0.12)
            {
                var first = _random.Next(0, 7);
                var days = _random.Next(1, 6);
                available.RemoveAll(w => w.Day >= first && w.Day < first + days);
            }

            var skills = WorkerSkills.None;
            if (_random.NextDouble() < 0.4) skills |= WorkerSkills.Assessed;
            if (_random.NextDouble() < 0.6) skills |= WorkerSkills.Driver;

            var languages = new List<string> { "English" };
            var extra = _random.NextDouble();
            if (extra < 0.3) languages.Add(PickLanguage());
            if (extra < 0.05)
            {
                var second = PickLanguage();
                if (!languages.Contains(second)) languages.Add(second);
            }

            // Teams of (nearly) equal size, one per area, each based in its area.
            _workers.Add(new WorkerDraft($"worker-{i + 1:000}", name, skills, languages, available,
                DistrictIn(i % _spec.Areas), maxMinutes));
        }
    }

    private List<DayWindow> PatternWindows(Pattern pattern)
    {
        var windows = new List<DayWindow>();
        void Add(int day, int fromHour, int fromMinute, int untilHour, int untilMinute) =>
            windows.Add(new DayWindow(day, fromHour * 60 + fromMinute, untilHour * 60 + untilMinute));

        switch (pattern)
        {
            case Pattern.Standard:
                for (var d = Monday; d <= Friday; d++) Add(d, 9, 0, 17, 0);
                break;
            case Pattern.Late:
                for (var d = Monday; d <= Friday; d++) Add(d, 11, 30, 19, 30);
                break;
            case Pattern.Split:
                for (var d = Monday; d <= Friday; d++)
                {
                    if (d % 2 == 0) Add(d, 9, 0, 17, 0);
                    else Add(d, 12, 0, 20, 0);
                }
                break;
            case Pattern.Weekend:
                // Five days out of seven, weekends always in: Wednesday to Sunday or Saturday to Wednesday.
                var firstDay = _random.NextDouble() < 0.5 ? 2 : 5;
                for (var k = 0; k < 5; k++)
                {
                    var d = (firstDay + k) % 7;
                    if (d >= Saturday) Add(d, 9, 0, 17, 0);
                    else Add(d, 11, 0, 19, 0);
                }
                break;
            case Pattern.PartDays:
                foreach (var d in ThreeWeekdays()) Add(d, 9, 0, 15, 30);
                break;
            default:
                foreach (var d in ThreeWeekdays()) Add(d, 13, 30, 19, 30);
                if (_random.NextDouble() < 0.4) Add(Saturday, 9, 30, 15, 30);
                break;
        }
        return windows;
    }

    private List<int> ThreeWeekdays()
    {
        var days = Enumerable.Range(Monday, 5).ToList();
        Shuffle(days);
        return days.Take(3).Order().ToList();
    }

    // ---- Children and their sessions ----

    private void MakeSessions()
    {
        var remaining = _spec.Sessions;
        var family = 0;
        while (remaining > 0)
        {
            family++;
            var size = Pick((1, 78), (2, 17), (3, 5));
            var parents = Enumerable.Range(0, _random.NextDouble() < 0.55 ? 1 : 2).Select(_ => NextGuid()).ToList();
            // Families come from every area alike (a city of several areas: in turn, so the areas' weeks are alike).
            var home = DistrictIn(family % _spec.Areas);

            // Ages: the first child by band, brothers and sisters within a few years.
            var band = Pick((0, 22), (1, 20), (2, 58));
            var firstAge = band switch { 0 => _random.Next(0, 2), 1 => _random.Next(2, 5), _ => _random.Next(5, 18) };
            var ages = new List<int> { firstAge };
            for (var k = 1; k < size; k++) ages.Add(Math.Clamp(firstAge + _random.Next(-6, 7), 0, 17));

            // How often the family is seen: babies most (two or three times a week), school-age children once.
            var youngest = ages.Min();
            var eldest = ages.Max();
            var perWeek = youngest < 2 ? (_random.NextDouble() < 0.5 ? 3 : 2)
                : youngest < 5 ? (_random.NextDouble() < 0.5 ? 2 : 1)
                : (_random.NextDouble() < 0.15 ? 2 : 1);
            if (size * perWeek > remaining)
            {
                size = 1;
                ages.RemoveRange(1, ages.Count - 1);
                perWeek = Math.Min(perWeek, remaining);
                youngest = eldest = ages[0];
            }
            var schoolAge = eldest >= 5;

            var children = ages.Select(age => (Id: NextGuid(), Name: $"{PickOf(CityWords.FirstNames)} {(char)('A' + _random.Next(26))}.", Age: age)).ToList();

            // What the family's family time needs, the same for each of its sessions.
            var community = schoolAge ? _random.NextDouble() < 0.25 : youngest >= 2 && _random.NextDouble() < 0.08;
            var workersNeeded = Pick((1, 91), (2, 5), (0, 4));
            if (community && workersNeeded == 0) workersNeeded = 1;
            var skills = WorkerSkills.None;
            var needs = RoomFeatures.None;
            if (!community && _random.NextDouble() < 0.12)
            {
                // Assessed family time: a trained worker and a room to observe from, sometimes a formal one.
                skills |= WorkerSkills.Assessed;
                needs |= Pick((RoomFeatures.Observation, 60), (RoomFeatures.Formal, 25), (RoomFeatures.Observation | RoomFeatures.Formal, 15));
                if (workersNeeded == 0) workersNeeded = 1;
            }
            else if (!community && _random.NextDouble() < 0.05) needs |= RoomFeatures.Formal;
            if (community && _random.NextDouble() < 0.5) skills |= WorkerSkills.Driver;
            if (!community)
            {
                if (_random.NextDouble() < 0.06) needs |= RoomFeatures.StepFree;
                if (_random.NextDouble() < 0.05) needs |= RoomFeatures.Kitchen;
                if (_random.NextDouble() < 0.03) needs |= RoomFeatures.Garden;
                if (!needs.HasFlag(RoomFeatures.Formal) && _random.NextDouble() < 0.2) needs |= RoomFeatures.FamilyFriendly;
            }
            var language = workersNeeded > 0 && _random.NextDouble() < 0.1 ? PickLanguage() : null;
            var duration = youngest < 2 ? Pick((60, 40), (90, 40), (120, 20)) : Pick((60, 15), (75, 10), (90, 45), (120, 30));
            var extraFamily = _random.NextDouble() < 0.1 ? 1 : 0;
            var localVenues = _venues.Where(v => SameArea(v.Place, home)).ToList();
            var fixedVenue = !community && _random.NextDouble() < 0.04 ? localVenues[_random.Next(localVenues.Count)].Id : (Guid?)null;
            var togetherKey = size > 1 ? $"siblings-{family}" : null;

            foreach (var day in Days(perWeek, schoolAge))
            {
                var (earliest, latest) = Window(day, schoolAge, duration);
                // At weekends older children more often go out: the park, the cinema, a meal.
                var outing = community || (youngest >= 5 && day >= Saturday && !skills.HasFlag(WorkerSkills.Assessed) && _random.NextDouble() < 0.25);
                var occasion = new List<SessionDraft>();
                foreach (var (child, index) in children.Select((c, i) => (c, i)))
                {
                    var infant = child.Age < 2;
                    var childNeeds = needs;
                    if (infant && !outing && _random.NextDouble() < 0.85) childNeeds |= RoomFeatures.BabyChange;
                    if (outing) childNeeds = RoomFeatures.None;
                    occasion.Add(new SessionDraft
                    {
                        Id = NextGuid(), ChildId = child.Id, ChildName = child.Name, Age = child.Age, Day = day,
                        Earliest = earliest, Latest = latest, Duration = duration,
                        // Brothers and sisters meet together: the first child's session counts the adults (parents,
                        // family, the worker or carer supervising), the others count the child, so a joint meeting's
                        // People add up to the people in the room. Any one of them alone fits every room (4 or more).
                        People = index == 0 ? 1 + parents.Count + extraFamily + Math.Max(1, workersNeeded) : 1,
                        NeedsRoom = !outing, Needs = childNeeds, WorkersNeeded = workersNeeded, Skills = skills,
                        Language = language, Parents = parents, Home = home, IsInfant = infant,
                        TogetherKey = togetherKey, FixedVenue = outing ? null : fixedVenue,
                    });
                }
                _occasions.Add(occasion);
                remaining -= occasion.Count;
            }
        }
    }

    private List<int> Days(int perWeek, bool schoolAge)
    {
        var days = new List<int>();
        while (days.Count < perWeek)
        {
            var day = schoolAge
                ? Pick((-1, 84), (Saturday, 11), (Sunday, 5))
                : Pick((-1, 95), (Saturday, 5));
            if (day == -1) day = _random.Next(Monday, Friday + 1);
            if (!days.Contains(day)) days.Add(day);
        }
        days.Sort();
        return days;
    }

    private (int Earliest, int Latest) Window(int day, bool schoolAge, int duration)
    {
        int earliest, latest;
        if (day >= Saturday)
        {
            earliest = Pick((10 * 60, 30), (10 * 60 + 30, 20), (11 * 60, 20), (12 * 60, 15), (13 * 60, 15));
            latest = earliest + Pick((60, 30), (120, 40), (180, 30));
            latest = Math.Min(latest, DaytimeEnd - duration);
        }
        else if (schoolAge)
        {
            // After school: from 15:30 (or 16:00 for a longer journey from school), over by 18:30.
            earliest = _random.NextDouble() < 0.65 ? SchoolOut : SchoolOut + 30;
            latest = EveningEnd - duration;
        }
        else
        {
            earliest = Pick((9 * 60 + 30, 20), (10 * 60, 25), (10 * 60 + 30, 15), (11 * 60, 10), (13 * 60, 20), (13 * 60 + 30, 10));
            latest = Math.Min(earliest + Pick((60, 25), (120, 35), (180, 25), (240, 15)), DaytimeEnd - duration);
        }
        if (latest < earliest) earliest = latest;
        return (earliest, latest);
    }

    // ---- Repairs: every session placeable on its own ----

    /// <summary>Enough workers speak each language the week asks for (in each area): at least two, and one for every
    /// five families.</summary>
    private void EnoughSpeakers()
    {
        var asked = _occasions.Where(o => o[0].Language is not null)
            .GroupBy(o => (Area: _districts[o[0].Home].Area, Language: o[0].Language!))
            .OrderBy(g => g.Key.Area).ThenBy(g => g.Key.Language, StringComparer.Ordinal);
        foreach (var group in asked)
        {
            var language = group.Key.Language;
            var team = _workers.Where(w => _districts[w.BasePlace].Area == group.Key.Area && w.Available.Count > 0).ToList();
            var needed = Math.Max(2, (int)Math.Ceiling(group.Count() / 5.0));
            var without = team.Where(w => !w.Languages.Contains(language)).ToList();
            var speakers = team.Count(w => w.Languages.Contains(language));
            while (speakers < needed && without.Count > 0)
            {
                var i = _random.Next(without.Count);
                without[i].Languages.Add(language);
                without.RemoveAt(i);
                speakers++;
            }
        }
    }

    /// <summary>
    /// Makes one occasion (a child's session, or brothers' and sisters' sessions on one day) placeable on its own, as
    /// a coordinator would when booking it: another day first, then without the wishes that cannot be met this week.
    /// </summary>
    private void MakePossible(List<SessionDraft> occasion)
    {
        if (occasion.All(Possible)) return;
        var schoolAge = occasion.Max(s => s.Age) >= 5;
        var tried = new HashSet<int> { occasion[0].Day };
        var family = _occasions.Where(o => o[0].ChildId == occasion[0].ChildId).Select(o => o[0].Day).ToHashSet();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var day = _random.Next(0, 7);
            if (!tried.Add(day) || family.Contains(day)) continue;
            var (earliest, latest) = Window(day, schoolAge, occasion[0].Duration);
            var was = occasion.Select(s => (s.Day, s.Earliest, s.Latest)).ToList();
            foreach (var s in occasion) { s.Day = day; s.Earliest = earliest; s.Latest = latest; }
            if (occasion.All(Possible)) return;
            for (var i = 0; i < occasion.Count; i++) (occasion[i].Day, occasion[i].Earliest, occasion[i].Latest) = was[i];
        }

        // Let go of wishes one by one, least important first.
        Action<SessionDraft>[] relax =
        [
            s => s.FixedVenue = null,
            s => s.Needs &= ~(RoomFeatures.FamilyFriendly | RoomFeatures.Kitchen | RoomFeatures.Garden),
            s => s.Needs &= ~RoomFeatures.Formal,
            s => s.Language = null,
            s => s.Skills &= ~WorkerSkills.Driver,
            s => s.WorkersNeeded = Math.Min(s.WorkersNeeded, 1),
            s => s.Needs &= ~(RoomFeatures.StepFree | RoomFeatures.BabyChange),
            s => s.People = Math.Min(s.People, 4),
            s => { s.Needs = RoomFeatures.None; s.Skills = WorkerSkills.None; },
            s => { s.NeedsRoom = false; s.Needs = RoomFeatures.None; },
            s => s.WorkersNeeded = 0,
        ];
        foreach (var step in relax)
        {
            foreach (var s in occasion) step(s);
            if (occasion.All(Possible)) return;
        }
    }

    /// <summary>Some start in the window has a room and enough workers for this session alone.</summary>
    private bool Possible(SessionDraft s)
    {
        for (var start = s.Earliest; start <= s.Latest; start += 5)
        {
            var end = start + s.Duration;
            if (s.NeedsRoom && !_rooms.Any(r => RoomFits(r, s) && SameArea(r.Venue.Place, s.Home) && r.Open.Any(w => w.Holds(s.Day, start, end)))) continue;
            if (s.WorkersNeeded == 0) return true;
            var free = _workers.Where(w => (w.Skills & s.Skills) == s.Skills && SameArea(w.BasePlace, s.Home) && w.Available.Any(a => a.Holds(s.Day, start, end))).ToList();
            if (free.Count < s.WorkersNeeded) continue;
            if (s.Language is null || free.Any(w => w.Languages.Contains(s.Language))) return true;
        }
        return false;
    }

    private static bool RoomFits(RoomDraft r, SessionDraft s) =>
        (r.Features & s.Needs) == s.Needs && r.Capacity >= s.People && (s.FixedVenue is null || r.Venue.Id == s.FixedVenue);

    /// <summary>
    /// Most children have been supervised before: by someone with the skills and language their sessions need, who is
    /// usually (not always: leave, a changed pattern) working on their day.
    /// </summary>
    private void ChoosePreviousSupervisors()
    {
        var byChild = new Dictionary<Guid, string?>();
        foreach (var occasion in _occasions)
        {
            var first = occasion[0];
            if (first.WorkersNeeded == 0) continue;
            if (!byChild.TryGetValue(first.ChildId, out var previous))
            {
                previous = null;
                if (_random.NextDouble() < 0.85)
                {
                    var suitable = _workers.Where(w => (w.Skills & first.Skills) == first.Skills && SameArea(w.BasePlace, first.Home)
                        && (first.Language is null || w.Languages.Contains(first.Language))).ToList();
                    var working = suitable.Where(w => w.Available.Any(a => a.Day == first.Day)).ToList();
                    var from = working.Count > 0 && _random.NextDouble() < 0.8 ? working : suitable;
                    if (from.Count > 0) previous = from[_random.Next(from.Count)].Id;
                }
                // Brothers and sisters had the same worker.
                foreach (var s in occasion) byChild[s.ChildId] = previous;
            }
            foreach (var s in occasion) s.PreviousSupervisor = previous;
        }
    }

    // ---- Drawing ----

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = _random.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }

    private T PickOf<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string PickLanguage() => Pick(CityWords.Languages.Select(l => (l.Language, l.Weight)).ToArray());

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private enum VenueKind { FamilyCentre, ChildrensCentre, Hall }

    private enum Pattern { Standard, Late, Split, Weekend, PartDays, PartEvenings }

    private sealed record District(string Name, string Locality, double X, double Y, int Area = 0);

    private sealed record VenueDraft(Guid Id, string Name, int Place, VenueKind Kind, List<DayWindow> Open);

    private sealed class RoomDraft(Guid id, VenueDraft venue, string name, int capacity, RoomFeatures features, List<DayWindow> open)
    {
        public Guid Id { get; } = id;
        public VenueDraft Venue { get; } = venue;
        public string Name { get; } = name;
        public int Capacity { get; } = capacity;
        public RoomFeatures Features { get; set; } = features;
        public List<DayWindow> Open { get; } = open;
    }

    private sealed record WorkerDraft(string Id, string Name, WorkerSkills Skills, List<string> Languages,
        List<DayWindow> Available, int BasePlace, int MaxMinutes);

    private sealed class SessionDraft
    {
        public Guid Id { get; init; }
        public Guid ChildId { get; init; }
        public string ChildName { get; init; } = "";
        public int Age { get; init; }
        public int Day { get; set; }
        public int Earliest { get; set; }
        public int Latest { get; set; }
        public int Duration { get; init; }
        public int People { get; set; }
        public bool NeedsRoom { get; set; }
        public RoomFeatures Needs { get; set; }
        public int WorkersNeeded { get; set; }
        public WorkerSkills Skills { get; set; }
        public string? Language { get; set; }
        public IReadOnlyList<Guid> Parents { get; init; } = [];
        public int Home { get; init; }
        public bool IsInfant { get; init; }
        public string? PreviousSupervisor { get; set; }
        public string? TogetherKey { get; init; }
        public Guid? FixedVenue { get; set; }
    }
}
