using FamilyTime.Domain.Venues;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>A room a session may use, and the starts at which that room is open for the whole session.</summary>
internal sealed record RoomOption(int Room, int[] Starts);

/// <summary>A worker a session may have, the starts at which they are available for the whole session.</summary>
internal sealed record WorkerOption(int Worker, int[] Starts, bool Speaks);

/// <summary>
/// One session with its options filtered by every rule that concerns it alone (rules 2, 3, 5 and the weekly hours of
/// one worker): the CP-SAT model, the seed planner and the diagnosis all start from these lists.
/// </summary>
internal sealed class SessionPrep(int index, RotaSession session)
{
    public int Index { get; } = index;
    public RotaSession S { get; } = session;
    /// <summary>Candidate starts: the 15-minute grid inside the window (the window's start when the grid misses it),
    /// plus the pinned and published starts so that keeping them is always an option.</summary>
    public int[] Starts { get; set; } = [];
    public RoomOption[] Rooms { get; set; } = [];
    public WorkerOption[] Workers { get; set; } = [];
    /// <summary>Why the session cannot be placed whatever else happens (null when it can be).</summary>
    public string? Unplaceable { get; set; }
    public RotaPin? Pin { get; set; }
    /// <summary>Set when a valid pin holds the session: the plan must honour it.</summary>
    public bool Pinned => Pin is not null && Unplaceable is null;
    public RotaAssignment? Published { get; set; }
    /// <summary>Why the published assignment must move on its own (rule 10: such a move does not count).</summary>
    public string? ForcedMove { get; set; }
    /// <summary>Index into <see cref="Prepared.Groups"/> of the brothers and sisters to meet jointly, or -1.</summary>
    public int Group { get; set; } = -1;
    public int Place(RotaProblem p, int? room) => room is int r ? p.Rooms[r].Place : S.HomePlace;
}

/// <summary>Sessions of one <c>TogetherKey</c> on one day (two or more) and whether one joint meeting is possible.</summary>
internal sealed record SiblingGroup(string Key, int Day, int[] Members, bool JointPossible)
{
    public int Lead => Members[0];
}

internal sealed class Prepared
{
    public const int Grid = 15;

    public RotaProblem P { get; }
    public SessionPrep[] Sessions { get; }
    public List<SiblingGroup> Groups { get; } = [];
    public Dictionary<Guid, int> RoomIndex { get; }
    public Dictionary<string, int> WorkerIndex { get; }
    /// <summary>Rule 10's limit on counted moves (null: no limit).</summary>
    public int? MoveLimit { get; }
    public bool[] WorkerAvailableInWeek { get; }

    public Prepared(RotaProblem p)
    {
        P = p;
        RoomIndex = p.Rooms.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        WorkerIndex = p.Workers.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        WorkerAvailableInWeek = p.Workers.Select(w => w.Available.Any(a => a.Until > a.From)).ToArray();
        var pins = new Dictionary<Guid, RotaPin>();
        foreach (var pin in p.Pins) pins[pin.SessionId] = pin;
        var published = new Dictionary<Guid, RotaAssignment>();
        foreach (var a in p.Published) published[a.SessionId] = a;

        Sessions = new SessionPrep[p.Sessions.Count];
        for (var i = 0; i < p.Sessions.Count; i++)
        {
            var s = p.Sessions[i];
            var prep = new SessionPrep(i, s);
            pins.TryGetValue(s.Id, out var pin);
            published.TryGetValue(s.Id, out var pub);
            prep.Pin = pin;
            prep.Published = pub;
            Fill(prep, pin, pub);
            if (pub is not null) prep.ForcedMove = WhyPublishedMustMove(prep, pub);
            Sessions[i] = prep;
        }

        foreach (var g in Sessions.Where(x => x.S.TogetherKey is not null)
                     .GroupBy(x => (x.S.TogetherKey!, x.S.Day)).Where(g => g.Count() >= 2))
        {
            var members = g.Select(x => x.Index).ToArray();
            var group = new SiblingGroup(g.Key.Item1, g.Key.Day, members, JointPossible(members));
            foreach (var m in members) Sessions[m].Group = Groups.Count;
            Groups.Add(group);
        }

        if (p.Options.MaxMovedShare is double share && p.Published.Count > 0)
        {
            var limit = (int)Math.Ceiling(share * p.Published.Count - 1e-9);
            // A coordinator's pin that differs from the published assignment is a move they asked for: the limit
            // never makes their own pins impossible.
            var pinnedMoves = Sessions.Count(x => x.Published is not null && x.ForcedMove is null && x.Pinned && !PinKeeps(x));
            MoveLimit = Math.Max(limit, pinnedMoves);
        }
    }

    private Prepared(Prepared full, SessionPrep[] sessions)
    {
        P = full.P;
        Sessions = sessions;
        Groups = full.Groups;
        RoomIndex = full.RoomIndex;
        WorkerIndex = full.WorkerIndex;
        MoveLimit = full.MoveLimit;
        WorkerAvailableInWeek = full.WorkerAvailableInWeek;
        IsRestricted = true;
    }

    /// <summary>Whether the options are short candidate lists (<see cref="Restricted"/>), not every suitable option.</summary>
    public bool IsRestricted { get; }

    /// <summary>
    /// The same week with each session's options cut to a short candidate list, for a city week's CP-SAT models (tens of
    /// thousands of literals otherwise, most of a run spent in presolve): per session the workers the seed plan gave it,
    /// its previous supervisor, its published workers, a few speakers of its language and of the workers its brothers and
    /// sisters could share, then the <paramref name="workers"/> least loaded on its day in the seed plan; the rooms the
    /// seed plan and the published plan gave it, a few joint rooms, then the <paramref name="rooms"/> nearest home (an
    /// infant) or least booked on its day; starts on a <paramref name="grid"/>-minute grid plus the seed's, published
    /// and pinned starts. The seed plan's choices always stay, so the seed is a feasible plan of the restricted week.
    /// A model built from this is a restriction of the week: its proven bound bounds the restricted model only, not the
    /// unrestricted week.
    /// </summary>
    public Prepared Restricted(Placement?[] seed, int workers, int rooms, int grid)
    {
        var dayMinutes = new Dictionary<(int Worker, int Day), int>();
        var weekMinutes = new int[P.Workers.Count];
        var roomMinutes = new Dictionary<(int Room, int Day), int>();
        for (var i = 0; i < seed.Length; i++)
        {
            if (seed[i] is not { } at) continue;
            var s = Sessions[i].S;
            foreach (var w in at.Workers)
            {
                dayMinutes[(w, s.Day)] = dayMinutes.GetValueOrDefault((w, s.Day)) + s.Duration;
                weekMinutes[w] += s.Duration;
            }
            if (at.Room >= 0) roomMinutes[(at.Room, s.Day)] = roomMinutes.GetValueOrDefault((at.Room, s.Day)) + s.Duration;
        }
        // A fixed scramble breaks ties, so that sessions with equal options do not all crowd onto the same few.
        static int Mix(int a, int b) => (int)((uint)(a * 73856093 ^ b * 19349663) % 1000003);

        var result = new SessionPrep[Sessions.Length];
        for (var i = 0; i < Sessions.Length; i++)
        {
            var full = Sessions[i];
            var s = full.S;
            var copy = new SessionPrep(i, s)
            {
                Starts = full.Starts, Rooms = full.Rooms, Workers = full.Workers, Unplaceable = full.Unplaceable,
                Pin = full.Pin, Published = full.Published, ForcedMove = full.ForcedMove, Group = full.Group,
            };
            result[i] = copy;
            if (full.Unplaceable is not null || full.Pinned) continue;
            var at = seed[i];
            var pub = full.Published;
            var mates = full.Group >= 0 && Groups[full.Group].JointPossible ? Groups[full.Group].Members : null;

            var keepStarts = full.Starts.Where(t => t % grid == 0).ToHashSet();
            if (keepStarts.Count == 0) keepStarts.Add(full.Starts[0]);
            if (at is not null) keepStarts.Add(at.Start);
            if (pub is not null) keepStarts.Add(pub.Start);
            if (mates is not null)
                foreach (var m in mates) if (seed[m] is { } ma) keepStarts.Add(ma.Start);

            var forcedW = new HashSet<int>();
            if (at is not null) forcedW.UnionWith(at.Workers);
            if (pub is not null) foreach (var id in pub.WorkerIds) if (WorkerIndex.TryGetValue(id, out var w)) forcedW.Add(w);
            if (s.PreviousSupervisorId is { } prev && WorkerIndex.TryGetValue(prev, out var pw)) forcedW.Add(pw);
            double Load(WorkerOption o) => dayMinutes.GetValueOrDefault((o.Worker, s.Day)) + weekMinutes[o.Worker] / 5.0 + Mix(o.Worker, i) / 1e7;
            var byLoad = full.Workers.OrderBy(Load).ToList();
            if (s.Language is not null && s.WorkersNeeded > 1) forcedW.UnionWith(byLoad.Where(o => o.Speaks).Take(2).Select(o => o.Worker));
            if (mates is not null)
            {
                var joint = JointWorkers(mates).ToHashSet();
                forcedW.UnionWith(byLoad.Where(o => joint.Contains(o.Worker)).Take(2 + s.WorkersNeeded).Select(o => o.Worker));
            }
            var keptW = byLoad.Where(o => forcedW.Contains(o.Worker)).Concat(byLoad.Where(o => !forcedW.Contains(o.Worker)).Take(workers))
                .Distinct().ToHashSet();

            var forcedR = new HashSet<int>();
            if (at is not null && at.Room >= 0) forcedR.Add(at.Room);
            if (pub?.RoomId is Guid pr && RoomIndex.TryGetValue(pr, out var pri)) forcedR.Add(pri);
            double Rank(RoomOption o) => s.IsInfant
                ? P.Travel.Between(s.HomePlace, P.Rooms[o.Room].Place) * 1000.0 + Mix(o.Room, i) / 1e7
                : roomMinutes.GetValueOrDefault((o.Room, s.Day)) + P.Travel.Between(s.HomePlace, P.Rooms[o.Room].Place) / 10.0 + Mix(o.Room, i) / 1e7;
            var byRank = full.Rooms.OrderBy(Rank).ToList();
            if (mates is not null)
            {
                var joint = JointRooms(mates).ToHashSet();
                forcedR.UnionWith(byRank.Where(o => joint.Contains(o.Room)).Take(2).Select(o => o.Room));
            }
            var keptR = byRank.Where(o => forcedR.Contains(o.Room)).Concat(byRank.Where(o => !forcedR.Contains(o.Room)).Take(rooms))
                .Distinct().ToHashSet();

            copy.Starts = full.Starts.Where(keepStarts.Contains).ToArray();
            copy.Rooms = full.Rooms.Where(keptR.Contains).Select(o => o with { Starts = o.Starts.Where(keepStarts.Contains).ToArray() })
                .Where(o => o.Starts.Length > 0).ToArray();
            copy.Workers = full.Workers.Where(keptW.Contains).Select(o => o with { Starts = o.Starts.Where(keepStarts.Contains).ToArray() })
                .Where(o => o.Starts.Length > 0).ToArray();
        }
        return new Prepared(this, result);
    }

    private static bool PinKeeps(SessionPrep x)
    {
        var pin = x.Pin!;
        var pub = x.Published!;
        return (pin.RoomId is null || pin.RoomId == pub.RoomId) && (pin.Start is null || pin.Start == pub.Start)
            && (pin.WorkerIds is null || SameSet(pin.WorkerIds, pub.WorkerIds));
    }

    /// <summary>Whether a published session (<see cref="SessionPrep.Published"/> set) placed at <paramref name="at"/>
    /// is where it was published: the same start, room and set of workers (rule 10's "not moved").</summary>
    public bool Unmoved(SessionPrep sp, Placement at)
    {
        var pub = sp.Published!;
        var roomId = at.Room >= 0 ? P.Rooms[at.Room].Id : (Guid?)null;
        return pub.Start == at.Start && pub.RoomId == roomId
            && SameSet(pub.WorkerIds, at.Workers.Select(w => P.Workers[w].Id).ToArray());
    }

    public static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(x => b.Contains(x, StringComparer.Ordinal));

    public static bool RoomSuits(RotaSession s, RotaRoom r) =>
        (r.Features & s.RoomNeeds) == s.RoomNeeds && r.Capacity >= s.People
        && (s.FixedVenueId is null || s.FixedVenueId == r.VenueId) && s.TakesFrom(r.Area);

    public static bool Holds(IReadOnlyList<DayWindow> windows, int day, int start, int end)
    {
        foreach (var w in windows) if (w.Holds(day, start, end)) return true;
        return false;
    }

    public static bool Speaks(RotaWorker w, string? language) =>
        language is null || w.Languages.Any(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));

    public static bool WorkerSuits(RotaSession s, RotaWorker w) =>
        (w.Skills & s.SkillsNeeded) == s.SkillsNeeded && w.MaxMinutesPerWeek >= s.Duration && s.TakesFrom(w.Area)
        && (s.WorkersNeeded != 1 || Speaks(w, s.Language));

    private void Fill(SessionPrep prep, RotaPin? pin, RotaAssignment? pub)
    {
        var s = prep.S;
        if (s.LatestStart < s.EarliestStart || s.Duration <= 0)
        {
            prep.Unplaceable = "Its allowed start times are empty: check the earliest and latest start";
            return;
        }
        var starts = new SortedSet<int>();
        var first = (s.EarliestStart + Grid - 1) / Grid * Grid;
        for (var t = first; t <= s.LatestStart; t += Grid) starts.Add(t);
        if (starts.Count == 0) starts.Add(s.EarliestStart);
        if (pin?.Start is int ps && ps >= s.EarliestStart && ps <= s.LatestStart) starts.Add(ps);
        if (pub is not null && pub.Start >= s.EarliestStart && pub.Start <= s.LatestStart) starts.Add(pub.Start);

        var pinBroken = pin is null ? null : WhyPinBreaks(s, pin);
        if (pinBroken is not null)
        {
            prep.Unplaceable = pinBroken;
            return;
        }
        if (pin?.Start is int fixedStart) starts = [fixedStart];

        var rooms = new List<RoomOption>();
        if (s.NeedsRoom)
        {
            for (var r = 0; r < P.Rooms.Count; r++)
            {
                var room = P.Rooms[r];
                if (pin?.RoomId is Guid pr && room.Id != pr) continue;
                if (!RoomSuits(s, room)) continue;
                var ok = starts.Where(t => Holds(room.Open, s.Day, t, t + s.Duration)).ToArray();
                if (ok.Length > 0) rooms.Add(new RoomOption(r, ok));
            }
        }
        var workers = new List<WorkerOption>();
        if (s.WorkersNeeded > 0)
        {
            for (var w = 0; w < P.Workers.Count; w++)
            {
                var worker = P.Workers[w];
                if (pin?.WorkerIds is { } pw && !pw.Contains(worker.Id, StringComparer.Ordinal)) continue;
                if (!WorkerSuits(s, worker)) continue;
                var ok = starts.Where(t => Holds(worker.Available, s.Day, t, t + s.Duration)).ToArray();
                if (ok.Length > 0) workers.Add(new WorkerOption(w, ok, Speaks(worker, s.Language)));
            }
        }
        // A start is kept only when a room and enough workers (one speaking the language) are there for it.
        var usable = starts.Where(t =>
            (!s.NeedsRoom || rooms.Any(r => r.Starts.Contains(t)))
            && workers.Count(w => w.Starts.Contains(t)) >= s.WorkersNeeded
            && (s.WorkersNeeded == 0 || s.Language is null || workers.Any(w => w.Speaks && w.Starts.Contains(t))))
            .ToHashSet();
        prep.Starts = starts.Where(usable.Contains).ToArray();
        prep.Rooms = rooms.Select(r => r with { Starts = r.Starts.Where(usable.Contains).ToArray() })
            .Where(r => r.Starts.Length > 0).ToArray();
        prep.Workers = workers.Select(w => w with { Starts = w.Starts.Where(usable.Contains).ToArray() })
            .Where(w => w.Starts.Length > 0).ToArray();
        if (prep.Starts.Length == 0)
            prep.Unplaceable = pin is null ? Diagnosis.Static(this, s) : Diagnosis.PinnedApart(this, s, pin);
    }

    /// <summary>A pin that on its own breaks rule 2, 3 or 5 cannot be honoured; the reason names the broken part.</summary>
    private string? WhyPinBreaks(RotaSession s, RotaPin pin)
    {
        const string P0 = "Pinned by the coordinator, but ";
        if (pin.Start is int t && (t < s.EarliestStart || t > s.LatestStart))
            return P0 + $"the pinned start {Words.Time(t)} is outside its allowed times ({Words.Time(s.EarliestStart)} to {Words.Time(s.LatestStart)})";
        if (pin.RoomId is Guid roomId)
        {
            if (!s.NeedsRoom) return P0 + "this family time needs no room";
            if (!RoomIndex.TryGetValue(roomId, out var r)) return P0 + "the pinned room is not available this week";
            var room = P.Rooms[r];
            var name = $"{room.Name} at {room.VenueName}";
            if ((room.Features & s.RoomNeeds) != s.RoomNeeds)
                return P0 + $"{name} does not have {Words.Features(s.RoomNeeds & ~room.Features)}";
            if (room.Capacity < s.People) return P0 + $"{name} holds {room.Capacity} people and {s.People} are coming";
            if (s.FixedVenueId is Guid v && room.VenueId != v) return P0 + $"{name} is not at the venue this family time must use";
            if (!s.TakesFrom(room.Area)) return P0 + $"{name} is in the {room.Area} area";
            if (pin.Start is int ps && !Holds(room.Open, s.Day, ps, ps + s.Duration))
                return P0 + $"{name} is not open {Words.When(s.Day, ps, ps + s.Duration)}";
        }
        if (pin.WorkerIds is { } ids)
        {
            if (ids.Distinct(StringComparer.Ordinal).Count() != s.WorkersNeeded)
                return P0 + $"it names {Words.Count(ids.Count)} worker{(ids.Count == 1 ? "" : "s")} and needs {Words.Count(s.WorkersNeeded)}";
            foreach (var id in ids)
            {
                if (!WorkerIndex.TryGetValue(id, out var w)) return P0 + "a pinned worker is not on this week's rota";
                var worker = P.Workers[w];
                if ((worker.Skills & s.SkillsNeeded) != s.SkillsNeeded)
                    return P0 + $"{worker.Name} is not {Words.Skills(s.SkillsNeeded & ~worker.Skills)}";
                if (!s.TakesFrom(worker.Area)) return P0 + $"{worker.Name} works in the {worker.Area} area";
                if (pin.Start is int ps && !Holds(worker.Available, s.Day, ps, ps + s.Duration))
                    return P0 + $"{worker.Name} is not available {Words.When(s.Day, ps, ps + s.Duration)}";
                if (worker.MaxMinutesPerWeek < s.Duration) return P0 + $"{worker.Name} has no hours this week";
            }
            if (s.Language is not null && s.WorkersNeeded > 0
                && !ids.Any(id => Speaks(P.Workers[WorkerIndex[id]], s.Language)))
                return P0 + $"no pinned worker speaks {s.Language}";
        }
        return null;
    }

    /// <summary>Why a published assignment (or, in a week never published, the session as it stands) cannot stay on its
    /// own: worded to read right for both.</summary>
    private string? WhyPublishedMustMove(SessionPrep prep, RotaAssignment pub)
    {
        var s = prep.S;
        if (pub.Start < s.EarliestStart || pub.Start > s.LatestStart)
            return $"its time is outside the allowed {Words.Time(s.EarliestStart)} to {Words.Time(s.LatestStart)}";
        var end = pub.Start + s.Duration;
        if (s.NeedsRoom)
        {
            if (pub.RoomId is not Guid roomId) return "it had no room";
            if (!RoomIndex.TryGetValue(roomId, out var r)) return "the room it had is not available this week";
            var room = P.Rooms[r];
            if (!RoomSuits(s, room)) return $"{room.Name} at {room.VenueName} does not suit it";
            if (!Holds(room.Open, s.Day, pub.Start, end))
                return room.Open.Any(o => o.Day == s.Day)
                    ? $"{room.Name} at {room.VenueName} is not open at {Words.Time(pub.Start)}"
                    : $"{room.Name} at {room.VenueName} is closed on {Words.Day(s.Day)}";
        }
        else if (pub.RoomId is not null) return "it needs no room";
        if (pub.WorkerIds.Distinct(StringComparer.Ordinal).Count() != s.WorkersNeeded)
            return $"it needs {Words.Count(s.WorkersNeeded)} worker{(s.WorkersNeeded == 1 ? "" : "s")}";
        foreach (var id in pub.WorkerIds)
        {
            if (!WorkerIndex.TryGetValue(id, out var w)) return "a worker it had is not on this week's rota";
            var worker = P.Workers[w];
            if ((worker.Skills & s.SkillsNeeded) != s.SkillsNeeded) return $"{worker.Name} is not {Words.Skills(s.SkillsNeeded & ~worker.Skills)}";
            if (!s.TakesFrom(worker.Area)) return $"{worker.Name} works in the {worker.Area} area";
            if (!Holds(worker.Available, s.Day, pub.Start, end))
                return worker.Available.Any(a => a.Day == s.Day)
                    ? $"{worker.Name} is not available at {Words.Time(pub.Start)}"
                    : $"{worker.Name} is away on {Words.Day(s.Day)}";
        }
        if (s.Language is not null && s.WorkersNeeded > 0
            && !pub.WorkerIds.Any(id => WorkerIndex.TryGetValue(id, out var w) && Speaks(P.Workers[w], s.Language)))
            return $"it needs a worker who speaks {s.Language}";
        return null;
    }

    private bool JointPossible(int[] members)
    {
        var ss = members.Select(m => Sessions[m]).ToArray();
        var a = ss[0].S;
        if (ss.Any(x => x.Unplaceable is not null)) return false;
        if (ss.Any(x => x.S.Duration != a.Duration || x.S.WorkersNeeded != a.WorkersNeeded || x.S.NeedsRoom != a.NeedsRoom))
            return false;
        if (!a.NeedsRoom && ss.Any(x => x.S.HomePlace != a.HomePlace)) return false;
        var starts = ss.Skip(1).Aggregate((IEnumerable<int>)ss[0].Starts, (acc, x) => acc.Intersect(x.Starts)).ToArray();
        if (starts.Length == 0) return false;
        if (a.NeedsRoom && !JointRooms(members).Any()) return false;
        return a.WorkersNeeded == 0 || JointWorkers(members).Count() >= a.WorkersNeeded;
    }

    /// <summary>Rooms every member may use and which hold all of them together.</summary>
    public IEnumerable<int> JointRooms(int[] members)
    {
        var people = members.Sum(m => Sessions[m].S.People);
        return Sessions[members[0]].Rooms.Select(r => r.Room)
            .Where(r => members.All(m => Sessions[m].Rooms.Any(o => o.Room == r)) && P.Rooms[r].Capacity >= people);
    }

    public IEnumerable<int> JointWorkers(int[] members) =>
        Sessions[members[0]].Workers.Select(w => w.Worker)
            .Where(w => members.All(m => Sessions[m].Workers.Any(o => o.Worker == w)));

    /// <summary>Whether every member of a meeting (one session, or brothers and sisters together) may have this room
    /// (this worker) from this start: suitable, open (available) for the whole session.</summary>
    public bool RoomAt(int[] members, int room, int start) =>
        members.All(m => Sessions[m].Rooms.Any(o => o.Room == room && Array.BinarySearch(o.Starts, start) >= 0));

    /// <inheritdoc cref="RoomAt"/>
    public bool WorkerAt(int[] members, int worker, int start) =>
        members.All(m => Sessions[m].Workers.Any(o => o.Worker == worker && Array.BinarySearch(o.Starts, start) >= 0));
}
