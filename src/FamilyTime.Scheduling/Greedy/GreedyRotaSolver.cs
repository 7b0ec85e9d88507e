using System.Diagnostics;
using System.Globalization;
using FamilyTime.Scheduling.Checking;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Greedy;

/// <summary>
/// The baseline: the rota a coordinator builds by hand, session by session, first fit. Pins are booked first, then
/// what was published is kept where it still fits, then every other session in date and time order (by day, then
/// earliest start: the diary's order, not the hardest first). For each session: with brothers and sisters already
/// booked that day if they can be joined; otherwise the earliest start on a 15-minute grid where the first suitable
/// free room (in the problem's order) and workers are free, the previous supervisor tried first, then the first
/// suitable free worker. It never breaks a hard rule (each booking is checked against every rule before it is made)
/// and never goes back on a booking, so what it leaves unplaced is what first fit could not fit.
/// </summary>
public sealed class GreedyRotaSolver : IRotaSolver
{
    public const string SolverName = "Greedy first-fit";
    private const int Grid = 15;

    public RotaPlan Solve(RotaProblem problem, IProgress<RotaProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        var board = new Board(problem);
        var sessions = problem.Sessions.ToDictionary(s => s.Id);
        var unplaced = new Dictionary<Guid, string>();

        // 1. What the coordinator fixed.
        var pins = problem.Pins.Where(p => sessions.ContainsKey(p.SessionId)).GroupBy(p => p.SessionId).Select(g => g.First())
            .OrderBy(p => sessions[p.SessionId].Day).ThenBy(p => p.Start ?? sessions[p.SessionId].EarliestStart).ToList();
        foreach (var pin in pins)
        {
            var s = sessions[pin.SessionId];
            if (!board.TryPlace(s, pin, "Pinned")) unplaced[s.Id] = $"Its pin cannot be kept: {board.WhyNot(s, pin)}";
        }

        // 2. What families and workers were already told, where it still fits.
        var pinned = pins.Select(p => p.SessionId).ToHashSet();
        foreach (var published in problem.Published.Where(p => sessions.ContainsKey(p.SessionId) && !pinned.Contains(p.SessionId))
                     .OrderBy(p => sessions[p.SessionId].Day).ThenBy(p => p.Start))
        {
            board.TryBook(sessions[published.SessionId], published.RoomId, published.Start, published.WorkerIds, "Kept as published");
        }

        // 3. Everything else in the diary's order.
        var rest = problem.Sessions.Select((s, i) => (Session: s, Index: i))
            .Where(x => !board.IsPlaced(x.Session.Id) && !pinned.Contains(x.Session.Id))
            .OrderBy(x => x.Session.Day).ThenBy(x => x.Session.EarliestStart).ThenBy(x => x.Index).Select(x => x.Session);
        foreach (var s in rest)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!board.TryPlace(s, null, null)) unplaced[s.Id] = board.WhyNot(s, null);
        }

        var assignments = problem.Sessions.Where(s => board.IsPlaced(s.Id)).Select(s => board.Assignment(s.Id)).ToList();
        var unplacedList = problem.Sessions.Where(s => !board.IsPlaced(s.Id))
            .Select(s => new UnplacedSession(s.Id, unplaced.GetValueOrDefault(s.Id) ?? board.WhyNot(s, null))).ToList();
        var draft = new RotaPlan(assignments, unplacedList, new RotaStats(SolverName, "", 0, 0, 0, TimeSpan.Zero, 0, 0, 0, 0, 0));
        var score = RotaScorer.Score(problem, draft);
        clock.Stop();
        progress?.Report(new RotaProgress(clock.Elapsed, score.Objective, 0, assignments.Count));
        var stats = new RotaStats(SolverName, "Feasible", score.Objective, 0, score.Objective == 0 ? 0 : 1.0, clock.Elapsed,
            assignments.Count, unplacedList.Count, score.Moved, score.SameSupervisorRate, score.InfantJourneyMinutes);
        return draft with { Stats = stats };
    }

    /// <summary>The week as booked so far: who and what is where, and the checks a booking must pass.</summary>
    private sealed class Board(RotaProblem problem)
    {
        private readonly Dictionary<Guid, RotaRoom> _rooms = problem.Rooms.ToDictionary(r => r.Id);
        private readonly Dictionary<string, RotaWorker> _workers = problem.Workers.ToDictionary(w => w.Id, StringComparer.Ordinal);
        private readonly Dictionary<Guid, Booking> _placed = [];
        private readonly Dictionary<(Guid Room, int Day), List<Booking>> _roomDay = [];
        private readonly Dictionary<(string Worker, int Day), List<Booking>> _workerDay = [];
        private readonly Dictionary<(Guid Person, int Day), List<Booking>> _personDay = [];
        private readonly Dictionary<string, int> _minutes = new(StringComparer.Ordinal);

        public bool IsPlaced(Guid session) => _placed.ContainsKey(session);

        public RotaAssignment Assignment(Guid session)
        {
            var b = _placed[session];
            return new RotaAssignment(session, b.Room?.Id, b.Start, b.Workers, b.Reasons);
        }

        /// <summary>Finds and books the first fit for a session, keeping what the pin (if any) fixes.</summary>
        public bool TryPlace(RotaSession s, RotaPin? pin, string? reason)
        {
            // With brothers and sisters already booked that day: the same room, start and workers, if it all fits.
            if (s.TogetherKey is { } key)
            {
                foreach (var partner in _placed.Values.Where(b => b.Session.TogetherKey == key && b.Session.Day == s.Day).ToList())
                {
                    if (Keeps(pin, partner.Room?.Id, partner.Start, partner.Workers)
                        && TryBook(s, partner.Room?.Id, partner.Start, partner.Workers, reason ?? "With brothers and sisters"))
                        return true;
                }
            }

            var candidates = OrderedWorkers(s);
            foreach (var start in Starts(s, pin))
            {
                if (!PersonFree(s, start, [])) continue;
                var rooms = !s.NeedsRoom ? [null]
                    : pin?.RoomId is { } pinnedRoom ? (_rooms.TryGetValue(pinnedRoom, out var r) ? [r] : [])
                    : problem.Rooms.Where(r => RoomFits(s, r, start) && RoomFree(r, s.Day, start, start + s.Duration, [])).ToList<RotaRoom?>();
                var tried = new Dictionary<int, IReadOnlyList<string>?>();
                foreach (var room in rooms)
                {
                    var place = room?.Place ?? s.HomePlace;
                    if (!tried.TryGetValue(place, out var workers))
                    {
                        workers = pin?.WorkerIds ?? PickWorkers(s, start, place, candidates);
                        tried[place] = workers;
                    }
                    if (workers is not null && TryBook(s, room?.Id, start, workers, reason)) return true;
                }
            }
            return false;
        }

        /// <summary>Books exactly this, if it breaks no hard rule beside what is booked.</summary>
        public bool TryBook(RotaSession s, Guid? roomId, int start, IReadOnlyList<string> workerIds, string? reason)
        {
            if (_placed.ContainsKey(s.Id) || start < s.EarliestStart || start > s.LatestStart) return false;
            RotaRoom? room = null;
            if (s.NeedsRoom != roomId.HasValue || (roomId is { } id && !_rooms.TryGetValue(id, out room))) return false;
            var end = start + s.Duration;
            var workerSet = WorkerSet(workerIds);
            var joint = s.TogetherKey is { } key
                ? _placed.Values.Where(b => b.Session.TogetherKey == key && b.Session.Day == s.Day && b.Start == start
                    && b.Room?.Id == roomId && b.WorkerSet == workerSet).ToHashSet()
                : [];

            // Rule 3 (and rule 4's capacity for a joint meeting) and rule 4.
            if (room is not null)
            {
                if (!RoomFits(s, room, start)) return false;
                if (joint.Count > 0 && joint.Sum(b => b.Session.People) + s.People > room.Capacity) return false;
                if (!RoomFree(room, s.Day, start, end, joint)) return false;
            }
            // Rule 5.
            var distinct = workerIds.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count != workerIds.Count || distinct.Count != s.WorkersNeeded) return false;
            if (distinct.Any(w => !_workers.ContainsKey(w))) return false;
            var workers = distinct.Select(w => _workers[w]).ToList();
            if (s.Language is { } language && !workers.Any(w => Speaks(w, language))) return false;
            // Rules 5, 6 and 7 for each worker; rule 8 for the child and parents.
            var place = room?.Place ?? s.HomePlace;
            var extra = joint.Count == 0 ? s.Duration : Math.Max(0, s.Duration - joint.Max(b => b.Session.Duration));
            if (workers.Any(w => !WorkerFree(w, s, start, place, extra, joint))) return false;
            if (!PersonFree(s, start, joint)) return false;

            var reasons = new List<string>();
            if (reason is not null) reasons.Add(reason);
            if (s.PreviousSupervisorId is { } previous && distinct.Contains(previous, StringComparer.Ordinal)) reasons.Add("Same supervisor as last time");
            if (s.IsInfant)
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{problem.Travel.Between(s.HomePlace, place)} minutes from home"));
            var booking = new Booking(s, room, start, end, place, distinct, workerSet, reasons);
            _placed[s.Id] = booking;
            if (room is not null) Add(_roomDay, (room.Id, s.Day), booking);
            foreach (var w in distinct)
            {
                Add(_workerDay, (w, s.Day), booking);
                _minutes[w] = _minutes.GetValueOrDefault(w) + extra;
            }
            foreach (var person in People(s)) Add(_personDay, (person, s.Day), booking);
            return true;
        }

        /// <summary>Why first fit found nothing, in a coordinator's words.</summary>
        public string WhyNot(RotaSession s, RotaPin? pin)
        {
            var day = problem.WeekStart.AddDays(s.Day).ToString("dddd", CultureInfo.GetCultureInfo("en-GB"));
            var window = $"{Clock(s.EarliestStart)}–{Clock(s.LatestStart + s.Duration)} on {day}";
            bool personEver = false, roomOpen = !s.NeedsRoom, roomFree = !s.NeedsRoom, workersEver = s.WorkersNeeded == 0;
            var candidates = OrderedWorkers(s);
            foreach (var start in Starts(s, pin))
            {
                personEver |= PersonFree(s, start, []);
                if (s.NeedsRoom)
                {
                    var fits = problem.Rooms.Where(r => (pin?.RoomId is null || r.Id == pin.RoomId) && RoomFits(s, r, start)).ToList();
                    roomOpen |= fits.Count > 0;
                    roomFree |= fits.Any(r => RoomFree(r, s.Day, start, start + s.Duration, []));
                }
                if (s.WorkersNeeded > 0)
                {
                    workersEver |= pin?.WorkerIds is { } ids
                        ? ids.All(id => _workers.TryGetValue(id, out var w) && WorkerFree(w, s, start, s.HomePlace, s.Duration, []))
                        : PickWorkers(s, start, s.HomePlace, candidates) is not null;
                }
            }
            if (!personEver) return $"{s.ChildName} or a parent is in another session all through {window}.";
            if (!roomOpen) return $"No room with what the session needs ({Needs(s)}) is open for the whole session in {window}.";
            if (!roomFree) return $"Every suitable room is already booked through {window}.";
            if (!workersEver) return $"No worker{Skills(s)} is free through {window}.";
            return $"No suitable room and workers were free at the same time in {window}.";
        }

        private static string Needs(RotaSession s) => string.Create(CultureInfo.InvariantCulture,
            $"{(s.RoomNeeds == Domain.Venues.RoomFeatures.None ? "any room" : s.RoomNeeds.ToString())}, {s.People} people");

        private static string Skills(RotaSession s)
        {
            var parts = new List<string>();
            if (s.SkillsNeeded != Domain.Workforce.WorkerSkills.None) parts.Add($"with {s.SkillsNeeded}");
            if (s.Language is { } l) parts.Add($"speaking {l}");
            if (s.WorkersNeeded > 1) parts.Add(string.Create(CultureInfo.InvariantCulture, $"({s.WorkersNeeded} needed)"));
            return parts.Count == 0 ? "" : " " + string.Join(" ", parts);
        }

        private static bool Keeps(RotaPin? pin, Guid? room, int start, IReadOnlyList<string> workers) =>
            pin is null || ((pin.RoomId is null || pin.RoomId == room) && (pin.Start is null || pin.Start == start)
                && (pin.WorkerIds is null || WorkerSet(pin.WorkerIds) == WorkerSet(workers)));

        /// <summary>The starts a coordinator tries: the earliest, then every quarter hour to the latest.</summary>
        private static IEnumerable<int> Starts(RotaSession s, RotaPin? pin)
        {
            if (pin?.Start is { } pinned)
            {
                yield return pinned;
                yield break;
            }
            if (s.LatestStart < s.EarliestStart) yield break;
            yield return s.EarliestStart;
            for (var t = (s.EarliestStart / Grid + 1) * Grid; t <= s.LatestStart; t += Grid) yield return t;
        }

        /// <summary>The previous supervisor first, then everyone else in the problem's order, with the skills needed.</summary>
        private List<RotaWorker> OrderedWorkers(RotaSession s)
        {
            var suitable = problem.Workers.Where(w => (w.Skills & s.SkillsNeeded) == s.SkillsNeeded && w.Available.Any(a => a.Day == s.Day)).ToList();
            var previous = suitable.FindIndex(w => w.Id == s.PreviousSupervisorId);
            if (previous > 0)
            {
                var w = suitable[previous];
                suitable.RemoveAt(previous);
                suitable.Insert(0, w);
            }
            return suitable;
        }

        private IReadOnlyList<string>? PickWorkers(RotaSession s, int start, int place, List<RotaWorker> candidates)
        {
            if (s.WorkersNeeded == 0) return [];
            var chosen = new List<RotaWorker>();
            foreach (var w in candidates)
            {
                if (!WorkerFree(w, s, start, place, s.Duration, [])) continue;
                var last = chosen.Count == s.WorkersNeeded - 1;
                if (last && s.Language is { } language && !chosen.Any(c => Speaks(c, language)) && !Speaks(w, language)) continue;
                chosen.Add(w);
                if (chosen.Count == s.WorkersNeeded) return chosen.Select(c => c.Id).ToList();
            }
            return null;
        }

        private static bool RoomFits(RotaSession s, RotaRoom r, int start) =>
            (r.Features & s.RoomNeeds) == s.RoomNeeds && r.Capacity >= s.People
            && (s.FixedVenueId is null || r.VenueId == s.FixedVenueId) && s.TakesFrom(r.Area)
            && r.Open.Any(w => w.Holds(s.Day, start, start + s.Duration));

        private bool RoomFree(RotaRoom r, int day, int start, int end, HashSet<Booking> joint) =>
            !_roomDay.TryGetValue((r.Id, day), out var list) || list.All(b => joint.Contains(b) || b.End <= start || end <= b.Start);

        private bool WorkerFree(RotaWorker w, RotaSession s, int start, int place, int minutes, HashSet<Booking> joint)
        {
            var end = start + s.Duration;
            if ((w.Skills & s.SkillsNeeded) != s.SkillsNeeded || !s.TakesFrom(w.Area) || !w.Available.Any(a => a.Holds(s.Day, start, end))) return false;
            if (_minutes.GetValueOrDefault(w.Id) + minutes > w.MaxMinutesPerWeek) return false;
            if (!_workerDay.TryGetValue((w.Id, s.Day), out var list)) return true;
            foreach (var b in list)
            {
                if (joint.Contains(b)) continue;
                var ok = b.Start <= start
                    ? start >= b.End + RotaProblem.TurnaroundMinutes + problem.Travel.Between(b.Place, place)
                    : b.Start >= end + RotaProblem.TurnaroundMinutes + problem.Travel.Between(place, b.Place);
                // Same start: whichever is called "earlier", neither fits after the other.
                if (!ok || b.Start == start) return false;
            }
            return true;
        }

        private bool PersonFree(RotaSession s, int start, HashSet<Booking> joint)
        {
            var end = start + s.Duration;
            foreach (var person in People(s))
            {
                if (_personDay.TryGetValue((person, s.Day), out var list)
                    && list.Any(b => !joint.Contains(b) && b.Session.Id != s.Id && b.Start < end && start < b.End))
                    return false;
            }
            return true;
        }

        private static IEnumerable<Guid> People(RotaSession s) => s.ParentIds.Prepend(s.ChildId).Distinct();

        private static bool Speaks(RotaWorker w, string language) =>
            w.Languages.Any(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));

        private static string WorkerSet(IEnumerable<string> ids) => string.Join('\u001f', ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        private static void Add<TKey>(Dictionary<TKey, List<Booking>> index, TKey key, Booking booking) where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(booking);
        }

        private static string Clock(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
    }

    private sealed record Booking(RotaSession Session, RotaRoom? Room, int Start, int End, int Place,
        IReadOnlyList<string> Workers, string WorkerSet, IReadOnlyList<string> Reasons);
}
