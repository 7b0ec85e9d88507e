using System.Globalization;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Checking;

/// <summary>
/// The independent judge of a plan: checks every hard rule of the rota (README, "Hard rules" 1–10) exactly as written
/// there, knowing nothing of how any planner works. Every plan from every planner is judged by it in the tests and the
/// benchmark; an empty answer means the plan breaks no hard rule.
/// </summary>
/// <remarks>
/// Readings of the README where its words leave a choice, kept on the generous side only where the rule is about
/// brothers and sisters meeting together:
/// <list type="bullet">
/// <item>"Placed jointly" (rule 4) is: the same non-null <c>TogetherKey</c>, the same day, the same room (two sessions
/// with no room, in the community, count as the same "no room"), the same start and the same set of workers. Such
/// sessions are one meeting for rules 4, 6, 7 and 8; for rule 7 a joint meeting counts once, for its longest
/// session.</item>
/// <item>Rule 6 compares every two sessions of a worker on a day, not only neighbours; the earlier is the one that starts
/// first.</item>
/// <item>Rule 9: a pinned session may be unplaced when its reason mentions the pin and the pin does break a rule: no
/// start in its window gives a room (rule 3) and workers (rule 5) that keep every pinned part, or it clashes with
/// another pin (rules 4, 6, 7 or 8, both starts pinned).</item>
/// <item>Rule 10: the limit is ceil(share × published count); a published session no longer in the problem is not
/// counted as moved.</item>
/// </list>
/// </remarks>
public static class RotaChecker
{
    /// <summary>Every broken hard rule in the plan, rule by rule; empty when the plan keeps them all.</summary>
    public static IReadOnlyList<RotaViolation> Check(RotaProblem problem, RotaPlan plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        return new Judge(problem, plan).Run();
    }

    /// <summary>
    /// Whether a published assignment on its own now breaks rule 2, 3 or 5 (a worker on leave, a room closed): such a
    /// session must move, and its move is not counted by rule 10.
    /// </summary>
    public static bool PublishedMustMove(RotaProblem problem, RotaAssignment published)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(published);
        return new Judge(problem, new RotaPlan([], [], new RotaStats("", "", 0, 0, 0, TimeSpan.Zero, 0, 0, 0, 0, 0))).MustMove(published);
    }

    private sealed class Judge(RotaProblem problem, RotaPlan plan)
    {
        private readonly List<RotaViolation> _found = [];
        private readonly Dictionary<Guid, RotaSession> _sessions = problem.Sessions.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<Guid, RotaRoom> _rooms = problem.Rooms.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<string, RotaWorker> _workers = problem.Workers.GroupBy(w => w.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        /// <summary>The placements the later rules judge: known session, known room and workers, first placement only.</summary>
        private readonly List<Placed> _placed = [];

        public IReadOnlyList<RotaViolation> Run()
        {
            Complete();
            foreach (var p in _placed)
            {
                Window(p);
                Room(p);
                Workers(p);
            }
            var joint = JointMeetings();
            OneBookingPerRoom(joint);
            OnePlaceAtATimeForAWorker(joint);
            Hours(joint);
            OnePlaceAtATimeForAChildOrParent(joint);
            Pins();
            FewMoves();
            return _found;
        }

        private void Add(string rule, Guid? session, FormattableString detail) =>
            _found.Add(new RotaViolation(rule, session, detail.ToString(CultureInfo.InvariantCulture)));

        private void Add(string rule, Guid? session, string detail) => _found.Add(new RotaViolation(rule, session, detail));

        // 1. Every session placed once or unplaced once with a reason; nothing unknown named.
        private void Complete()
        {
            var placedCount = new Dictionary<Guid, int>();
            var unplacedCount = new Dictionary<Guid, int>();
            foreach (var a in plan.Assignments)
            {
                placedCount[a.SessionId] = placedCount.GetValueOrDefault(a.SessionId) + 1;
                if (!_sessions.TryGetValue(a.SessionId, out var session))
                {
                    Add(RotaRule.Complete, a.SessionId, $"An assignment names session {a.SessionId}, which is not in the problem.");
                    continue;
                }
                var known = true;
                if (a.RoomId is { } roomId && !_rooms.ContainsKey(roomId))
                {
                    Add(RotaRule.Complete, a.SessionId, $"The assignment names room {roomId}, which is not in the problem.");
                    known = false;
                }
                foreach (var worker in a.WorkerIds.Where(w => !_workers.ContainsKey(w)))
                {
                    Add(RotaRule.Complete, a.SessionId, $"The assignment names worker {worker}, who is not in the problem.");
                    known = false;
                }
                if (placedCount[a.SessionId] > 1)
                {
                    Add(RotaRule.Complete, a.SessionId, $"Session {a.SessionId} is placed {placedCount[a.SessionId]} times.");
                    continue;
                }
                if (known) _placed.Add(new Placed(session, a, a.RoomId is { } r ? _rooms[r] : null));
            }
            foreach (var u in plan.Unplaced)
            {
                unplacedCount[u.SessionId] = unplacedCount.GetValueOrDefault(u.SessionId) + 1;
                if (!_sessions.ContainsKey(u.SessionId))
                    Add(RotaRule.Complete, u.SessionId, $"The unplaced list names session {u.SessionId}, which is not in the problem.");
                else if (unplacedCount[u.SessionId] == 2)
                    Add(RotaRule.Complete, u.SessionId, $"Session {u.SessionId} is listed as unplaced more than once.");
                if (string.IsNullOrWhiteSpace(u.Reason))
                    Add(RotaRule.Complete, u.SessionId, $"Session {u.SessionId} is unplaced without a reason.");
            }
            foreach (var s in problem.Sessions)
            {
                var placed = placedCount.GetValueOrDefault(s.Id);
                var unplaced = unplacedCount.GetValueOrDefault(s.Id);
                if (placed == 0 && unplaced == 0)
                    Add(RotaRule.Complete, s.Id, $"Session {s.Id} ({s.ChildName}) is neither placed nor listed as unplaced.");
                else if (placed > 0 && unplaced > 0)
                    Add(RotaRule.Complete, s.Id, $"Session {s.Id} ({s.ChildName}) is both placed and listed as unplaced.");
            }
        }

        // 2. The start is inside the window.
        private void Window(Placed p)
        {
            if (p.Start < p.Session.EarliestStart || p.Start > p.Session.LatestStart)
                Add(RotaRule.Window, p.Session.Id, $"Starts at {Clock(p.Start)}, outside {Clock(p.Session.EarliestStart)}–{Clock(p.Session.LatestStart)}.");
        }

        // 3. A room exactly when needed, with the features, capacity, venue and opening the session needs.
        private void Room(Placed p)
        {
            foreach (var problemWithRoom in RoomProblems(p.Session, p.Assignment.RoomId, p.Start))
                Add(RotaRule.Room, p.Session.Id, $"{problemWithRoom}");
        }

        private IEnumerable<string> RoomProblems(RotaSession s, Guid? roomId, int start)
        {
            if (s.NeedsRoom && roomId is null)
            {
                yield return "Needs a room but has none.";
                yield break;
            }
            if (!s.NeedsRoom && roomId is not null)
            {
                yield return "Needs no room (family time in the community) but has one.";
                yield break;
            }
            if (roomId is not { } id) yield break;
            if (!_rooms.TryGetValue(id, out var room))
            {
                yield return $"Room {id} is not in the problem.";
                yield break;
            }
            if ((room.Features & s.RoomNeeds) != s.RoomNeeds)
                yield return $"{room.Name} at {room.VenueName} lacks {s.RoomNeeds & ~room.Features}.";
            if (room.Capacity < s.People)
                yield return FormattableString.Invariant($"{room.Name} at {room.VenueName} holds {room.Capacity}, the session has {s.People} people.");
            if (s.FixedVenueId is { } venue && room.VenueId != venue)
                yield return $"{room.Name} is at {room.VenueName}, not the venue the session is fixed to.";
            if (s.Area is { } area && room.Area is { } roomArea && !string.Equals(area, roomArea, StringComparison.Ordinal))
                yield return $"{room.Name} at {room.VenueName} is in the {roomArea} area, the session in the {area} area.";
            if (!room.Open.Any(w => w.Holds(s.Day, start, start + s.Duration)))
                yield return $"{room.Name} at {room.VenueName} is not open for the whole of {Clock(start)}–{Clock(start + s.Duration)} on day {s.Day}.";
        }

        // 5. Exactly the workers needed, with the skills, the language and the availability.
        private void Workers(Placed p)
        {
            foreach (var problemWithWorkers in WorkerProblems(p.Session, p.Assignment.WorkerIds, p.Start))
                Add(RotaRule.Workers, p.Session.Id, $"{problemWithWorkers}");
        }

        private IEnumerable<string> WorkerProblems(RotaSession s, IReadOnlyList<string> ids, int start)
        {
            var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count != ids.Count) yield return "Names the same worker twice.";
            if (distinct.Count != s.WorkersNeeded)
                yield return FormattableString.Invariant($"Has {distinct.Count} distinct workers, needs {s.WorkersNeeded}.");
            var known = new List<RotaWorker>();
            foreach (var id in distinct)
            {
                if (_workers.TryGetValue(id, out var w)) known.Add(w);
                else yield return $"Worker {id} is not in the problem.";
            }
            foreach (var w in known)
            {
                if ((w.Skills & s.SkillsNeeded) != s.SkillsNeeded)
                    yield return $"{w.Name} lacks {s.SkillsNeeded & ~w.Skills}.";
                if (s.Area is { } area && w.Area is { } workerArea && !string.Equals(area, workerArea, StringComparison.Ordinal))
                    yield return $"{w.Name} works in the {workerArea} area, the session is in the {area} area.";
                if (!w.Available.Any(a => a.Holds(s.Day, start, start + s.Duration)))
                    yield return $"{w.Name} is not available for the whole of {Clock(start)}–{Clock(start + s.Duration)} on day {s.Day}.";
            }
            if (s.Language is { } language && !known.Any(w => w.Languages.Any(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase))))
                yield return $"No worker speaks {language}.";
        }

        /// <summary>For each placement, the key of its joint meeting, or null when it is not placed jointly with another.</summary>
        private Dictionary<Placed, string?> JointMeetings()
        {
            var keyOf = _placed.ToDictionary(p => p, p => p.Session.TogetherKey is { } key
                ? FormattableString.Invariant($"{key}|{p.Session.Day}|{p.Assignment.RoomId}|{p.Start}|{p.WorkerSet}")
                : null);
            var sizes = keyOf.Values.Where(k => k is not null).GroupBy(k => k!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return keyOf.ToDictionary(kv => kv.Key, kv => kv.Value is { } k && sizes[k] > 1 ? k : null);
        }

        private static bool Joint(Dictionary<Placed, string?> joint, Placed a, Placed b) =>
            joint[a] is { } ka && string.Equals(ka, joint[b], StringComparison.Ordinal);

        private static bool Overlap(Placed a, Placed b) => a.Start < b.End && b.Start < a.End;

        // 4. No two bookings of a room at once, except brothers and sisters placed jointly (who must fit together).
        private void OneBookingPerRoom(Dictionary<Placed, string?> joint)
        {
            foreach (var day in _placed.Where(p => p.Room is not null).GroupBy(p => (p.Room!.Id, p.Session.Day)))
            {
                var list = day.OrderBy(p => p.Start).ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count && list[j].Start < list[i].End; j++)
                    {
                        if (Joint(joint, list[i], list[j])) continue;
                        Add(RotaRule.OneBookingPerRoom, list[j].Session.Id,
                            $"{list[j].Room!.Name} at {list[j].Room!.VenueName} is booked for {list[i].Session.ChildName} {Clock(list[i].Start)}–{Clock(list[i].End)} and {list[j].Session.ChildName} {Clock(list[j].Start)}–{Clock(list[j].End)} on day {list[j].Session.Day}.");
                    }
                }
                foreach (var meeting in list.Where(p => joint[p] is not null).GroupBy(p => joint[p]!, StringComparer.Ordinal))
                {
                    var people = meeting.Sum(p => p.Session.People);
                    var room = meeting.First().Room!;
                    if (people > room.Capacity)
                        Add(RotaRule.OneBookingPerRoom, meeting.First().Session.Id,
                            FormattableString.Invariant($"Brothers and sisters meeting together are {people} people; {room.Name} at {room.VenueName} holds {room.Capacity}."));
                }
            }
        }

        // 6. A worker's next session starts no earlier than the last one's end + turnaround + travel.
        private void OnePlaceAtATimeForAWorker(Dictionary<Placed, string?> joint)
        {
            var byWorkerDay = _placed.SelectMany(p => p.Assignment.WorkerIds.Distinct(StringComparer.Ordinal).Select(w => (Worker: w, Placed: p)))
                .GroupBy(x => (x.Worker, x.Placed.Session.Day));
            foreach (var group in byWorkerDay)
            {
                var list = group.Select(x => x.Placed).OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        var (earlier, later) = (list[i], list[j]);
                        if (Joint(joint, earlier, later)) continue;
                        var travel = problem.Travel.Between(earlier.Place, later.Place);
                        var ready = earlier.End + RotaProblem.TurnaroundMinutes + travel;
                        if (later.Start < ready)
                        {
                            var name = _workers.TryGetValue(group.Key.Worker, out var w) ? w.Name : group.Key.Worker;
                            Add(RotaRule.OnePlaceAtATimeForAWorker, later.Session.Id,
                                FormattableString.Invariant($"{name} ends {earlier.Session.ChildName}'s session at {Clock(earlier.End)} and needs {RotaProblem.TurnaroundMinutes} + {travel} minutes before {later.Session.ChildName}'s at {Clock(later.Start)} on day {later.Session.Day}."));
                        }
                    }
                }
            }
        }

        // 7. A worker's placed minutes in the week, a joint meeting counted once, within their maximum.
        private void Hours(Dictionary<Placed, string?> joint)
        {
            var byWorker = _placed.SelectMany(p => p.Assignment.WorkerIds.Distinct(StringComparer.Ordinal).Select(w => (Worker: w, Placed: p)))
                .GroupBy(x => x.Worker, StringComparer.Ordinal);
            foreach (var group in byWorker)
            {
                if (!_workers.TryGetValue(group.Key, out var worker)) continue;
                var minutes = group.GroupBy(x => joint[x.Placed] ?? x.Placed.Session.Id.ToString(), StringComparer.Ordinal)
                    .Sum(meeting => meeting.Max(x => x.Placed.Session.Duration));
                if (minutes > worker.MaxMinutesPerWeek)
                    Add(RotaRule.Hours, null, FormattableString.Invariant($"{worker.Name} is given {minutes} minutes this week; the most is {worker.MaxMinutesPerWeek}."));
            }
        }

        // 8. A child, or a parent, is in one session at a time.
        private void OnePlaceAtATimeForAChildOrParent(Dictionary<Placed, string?> joint)
        {
            foreach (var day in _placed.GroupBy(p => p.Session.Day))
            {
                var list = day.OrderBy(p => p.Start).ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count && list[j].Start < list[i].End; j++)
                    {
                        var (a, b) = (list[i].Session, list[j].Session);
                        var sameChild = a.ChildId == b.ChildId;
                        var sameParent = a.ParentIds.Intersect(b.ParentIds).Any();
                        if ((!sameChild && !sameParent) || Joint(joint, list[i], list[j])) continue;
                        Add(RotaRule.OnePlaceAtATimeForAChildOrParent, b.Id,
                            $"{(sameChild ? $"{a.ChildName} is" : "A parent is")} in two sessions at once on day {b.Day}: {Clock(list[i].Start)}–{Clock(list[i].End)} and {Clock(list[j].Start)}–{Clock(list[j].End)}.");
                    }
                }
            }
        }

        // 9. A placed pinned session keeps what the pin gives; it is unplaced only when the pin breaks a rule, saying so.
        private void Pins()
        {
            var placed = _placed.ToDictionary(p => p.Session.Id);
            var unplaced = plan.Unplaced.GroupBy(u => u.SessionId).ToDictionary(g => g.Key, g => g.First());
            foreach (var pin in problem.Pins)
            {
                if (placed.TryGetValue(pin.SessionId, out var p))
                {
                    if (pin.RoomId is { } room && p.Assignment.RoomId != room)
                        Add(RotaRule.Pins, pin.SessionId, $"Pinned to room {room}, placed in {p.Room?.Name ?? "no room"}.");
                    if (pin.Start is { } start && p.Start != start)
                        Add(RotaRule.Pins, pin.SessionId, $"Pinned to start at {Clock(start)}, placed at {Clock(p.Start)}.");
                    if (pin.WorkerIds is { } workers && !string.Equals(WorkerSet(workers), p.WorkerSet, StringComparison.Ordinal))
                        Add(RotaRule.Pins, pin.SessionId, $"Pinned to {string.Join(", ", workers)}, placed with {string.Join(", ", p.Assignment.WorkerIds)}.");
                }
                else if (unplaced.TryGetValue(pin.SessionId, out var u) && _sessions.TryGetValue(pin.SessionId, out var session))
                {
                    if (!PinBreaksARule(pin, session))
                        Add(RotaRule.Pins, pin.SessionId, $"Pinned but left unplaced, though the pin breaks no rule (reason given: \"{u.Reason}\").");
                    else if (!u.Reason.Contains("pin", StringComparison.OrdinalIgnoreCase))
                        Add(RotaRule.Pins, pin.SessionId, $"Unplaced because of its pin, but the reason does not say so: \"{u.Reason}\".");
                }
            }
        }

        private bool PinBreaksARule(RotaPin pin, RotaSession s)
        {
            if (pin.Start is { } pinned && (pinned < s.EarliestStart || pinned > s.LatestStart)) return true;
            if (pin.RoomId is { } room && (!_rooms.ContainsKey(room) || !s.NeedsRoom)) return true;
            if (pin.WorkerIds is { } ids && (ids.Any(id => !_workers.ContainsKey(id)) || ids.Distinct(StringComparer.Ordinal).Count() != s.WorkersNeeded)) return true;
            if (!CanComplete(pin, s)) return true;
            return ClashesWithAnotherPin(pin, s);
        }

        /// <summary>Some start keeps the pinned parts and has a room (rule 3) and workers (rule 5) for the session alone.</summary>
        private bool CanComplete(RotaPin pin, RotaSession s)
        {
            var starts = pin.Start is { } start ? [start] : Enumerable.Range(s.EarliestStart, Math.Max(0, s.LatestStart - s.EarliestStart + 1));
            foreach (var t in starts)
            {
                var rooms = !s.NeedsRoom ? [(Guid?)null]
                    : pin.RoomId is { } r ? [r] : problem.Rooms.Select(x => (Guid?)x.Id);
                if (!rooms.Any(r => !RoomProblems(s, r, t).Any())) continue;
                if (pin.WorkerIds is { } ids)
                {
                    if (!WorkerProblems(s, ids, t).Any()) return true;
                    continue;
                }
                var free = problem.Workers.Where(w => !WorkerProblems(s with { Language = null, WorkersNeeded = 1 }, [w.Id], t).Any()).ToList();
                if (free.Count >= s.WorkersNeeded && (s.WorkersNeeded == 0 || s.Language is not { } language
                    || free.Any(w => w.Languages.Any(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)))))
                    return true;
            }
            return false;
        }

        /// <summary>The pin cannot be kept beside another pin: both starts pinned, they share a pinned room, worker, child or parent.</summary>
        private bool ClashesWithAnotherPin(RotaPin pin, RotaSession s)
        {
            if (pin.Start is not { } start) return false;
            var end = start + s.Duration;
            foreach (var other in problem.Pins)
            {
                if (other.SessionId == pin.SessionId || other.Start is not { } otherStart || !_sessions.TryGetValue(other.SessionId, out var o) || o.Day != s.Day) continue;
                var otherEnd = otherStart + o.Duration;
                var jointPins = s.TogetherKey is not null && s.TogetherKey == o.TogetherKey && start == otherStart
                    && pin.RoomId == other.RoomId && pin.WorkerIds is { } wa && other.WorkerIds is { } wb
                    && string.Equals(WorkerSet(wa), WorkerSet(wb), StringComparison.Ordinal);
                if (jointPins) continue;
                var overlap = start < otherEnd && otherStart < end;
                if (overlap && pin.RoomId is { } room && room == other.RoomId) return true;
                if (overlap && (s.ChildId == o.ChildId || s.ParentIds.Intersect(o.ParentIds).Any())) return true;
                if (pin.WorkerIds is { } mine && other.WorkerIds is { } theirs && mine.Intersect(theirs, StringComparer.Ordinal).Any())
                {
                    var (firstEnd, second) = start <= otherStart ? (end, otherStart) : (otherEnd, start);
                    if (second < firstEnd + RotaProblem.TurnaroundMinutes) return true;
                }
            }
            // Rule 7 with pins alone: the pinned worker's pinned sessions are more than their week.
            if (pin.WorkerIds is { } workers)
            {
                foreach (var id in workers)
                {
                    if (!_workers.TryGetValue(id, out var w)) continue;
                    var pinnedMinutes = problem.Pins.Where(x => x.WorkerIds?.Contains(id, StringComparer.Ordinal) == true && _sessions.ContainsKey(x.SessionId))
                        .Sum(x => _sessions[x.SessionId].Duration);
                    if (pinnedMinutes > w.MaxMinutesPerWeek) return true;
                }
            }
            return false;
        }

        // 10. Few published sessions moved: within ceil(share × published), not counting those that had to move.
        private void FewMoves()
        {
            if (problem.Options.MaxMovedShare is not { } share || problem.Published.Count == 0) return;
            var placed = _placed.ToDictionary(p => p.Session.Id);
            var moved = new List<Guid>();
            foreach (var published in problem.Published)
            {
                if (!_sessions.TryGetValue(published.SessionId, out var s) || MustMove(published)) continue;
                var same = placed.TryGetValue(s.Id, out var now) && now.Assignment.RoomId == published.RoomId
                    && now.Start == published.Start && string.Equals(now.WorkerSet, WorkerSet(published.WorkerIds), StringComparison.Ordinal);
                if (!same) moved.Add(s.Id);
            }
            var limit = (int)Math.Ceiling(share * problem.Published.Count - 1e-9);
            if (moved.Count > limit)
                Add(RotaRule.FewMoves, null, $"{moved.Count} published sessions moved; at most {limit} may ({share:P0} of {problem.Published.Count}). First moved: {string.Join(", ", moved.Take(10))}.");
        }

        public bool MustMove(RotaAssignment published) =>
            !_sessions.TryGetValue(published.SessionId, out var s)
            || published.Start < s.EarliestStart || published.Start > s.LatestStart
            || RoomProblems(s, published.RoomId, published.Start).Any()
            || WorkerProblems(s, published.WorkerIds, published.Start).Any();

        private static string WorkerSet(IEnumerable<string> ids) => string.Join('\u001f', ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        private static string Clock(int minutes) => FormattableString.Invariant($"{minutes / 60:00}:{minutes % 60:00}");

        private sealed class Placed(RotaSession session, RotaAssignment assignment, RotaRoom? room)
        {
            public RotaSession Session { get; } = session;
            public RotaAssignment Assignment { get; } = assignment;
            public RotaRoom? Room { get; } = room;
            public int Start => Assignment.Start;
            public int End => Assignment.Start + Session.Duration;
            public int Place => Room?.Place ?? Session.HomePlace;
            public string WorkerSet { get; } = Judge.WorkerSet(assignment.WorkerIds);
        }
    }
}
