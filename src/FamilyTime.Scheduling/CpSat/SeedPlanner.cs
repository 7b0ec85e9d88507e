namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// A quick first-fit plan that keeps every rule: the CP-SAT search starts from it (a complete hint), the plan falls
/// back to it if the search finds nothing in time, and it re-seats sessions after a travel clash is repaired.
/// It is the optimiser's own helper, not the benchmark's greedy baseline.
/// </summary>
internal static class SeedPlanner
{
    public static Placement?[] Build(Prepared p, Occupancy occ)
    {
        var plan = new Placement?[p.Sessions.Length];
        // 1. The coordinator's pins first: they must hold.
        foreach (var s in p.Sessions.Where(x => x.Pinned)) TryPlace(p, occ, plan, [s.Index], joint: false);
        // 2. What was published stays where it still fits (rule 10: few moves); brothers and sisters published as one
        //    meeting stay one meeting.
        foreach (var g in p.Groups.Where(g => g.JointPossible && g.Members.All(m => plan[m] is null && p.Sessions[m].Published is not null && p.Sessions[m].ForcedMove is null)))
        {
            var pubs = g.Members.Select(m => p.Sessions[m].Published!).ToArray();
            if (pubs.Any(x => x.Start != pubs[0].Start || x.RoomId != pubs[0].RoomId || !Prepared.SameSet(x.WorkerIds, pubs[0].WorkerIds))) continue;
            var room = pubs[0].RoomId is Guid r && p.RoomIndex.TryGetValue(r, out var ri) ? ri : -1;
            var at = new Placement(room, pubs[0].Start, pubs[0].WorkerIds.Select(id => p.WorkerIndex[id]).ToArray(), true);
            if (!g.Members.All(m => p.Sessions[m].Starts.Contains(at.Start))) continue;
            if (room >= 0 && !p.JointRooms(g.Members).Contains(room)) continue;
            if (at.Workers.Except(p.JointWorkers(g.Members)).Any()) continue;
            if (Fits(p, occ, g.Members, at)) Book(occ, plan, g.Members, at);
        }
        foreach (var s in p.Sessions.Where(x => x.Published is not null && x.ForcedMove is null && plan[x.Index] is null && x.Unplaceable is null))
            KeepPublished(p, occ, plan, s);
        // 3. Brothers and sisters together, then the rest, hardest first.
        SeatTheRest(p, occ, plan, _ => true);
        return plan;
    }

    /// <summary>First fit for every session of <paramref name="includes"/> the plan has not placed: brothers and sisters
    /// who may meet together first (all of them out), then the rest, those with the fewest options first.</summary>
    public static void SeatTheRest(Prepared p, Occupancy occ, Placement?[] plan, Func<int, bool> includes)
    {
        foreach (var g in p.Groups.Where(g => g.JointPossible && includes(g.Lead) && g.Members.All(m => plan[m] is null)))
            TryPlace(p, occ, plan, g.Members, joint: true);
        foreach (var s in p.Sessions.Where(x => includes(x.Index) && plan[x.Index] is null && x.Unplaceable is null)
                     .OrderBy(x => (long)x.Starts.Length * Math.Max(1, x.Rooms.Length) * Math.Max(1, x.Workers.Length)))
            TryPlace(p, occ, plan, [s.Index], joint: false);
    }

    private static void KeepPublished(Prepared p, Occupancy occ, Placement?[] plan, SessionPrep s)
    {
        if (PublishedPlacement(p, s) is { } at && Fits(p, occ, [s.Index], at)) Book(occ, plan, [s.Index], at);
    }

    /// <summary>A session's published place (or, in a week never published, the place it stands at) on its own, when
    /// every option it needs is still the session's: its start, room and workers; null when one is not. Only for a
    /// session whose published place need not move (<see cref="SessionPrep.ForcedMove"/> null: its workers are all on
    /// this week's rota).</summary>
    public static Placement? PublishedPlacement(Prepared p, SessionPrep s)
    {
        var pub = s.Published!;
        var room = pub.RoomId is Guid r && p.RoomIndex.TryGetValue(r, out var ri) ? ri : -1;
        var workers = pub.WorkerIds.Select(id => p.WorkerIndex[id]).ToArray();
        if (!s.Starts.Contains(pub.Start)) return null;
        if (room >= 0 && !s.Rooms.Any(o => o.Room == room && o.Starts.Contains(pub.Start))) return null;
        if (workers.Any(w => !s.Workers.Any(o => o.Worker == w && o.Starts.Contains(pub.Start)))) return null;
        return new Placement(room, pub.Start, workers, false);
    }

    public static bool Fits(Prepared p, Occupancy occ, int[] members, Placement at)
    {
        var lead = p.Sessions[members[0]];
        var until = at.Start + lead.S.Duration;
        if (at.Room >= 0 && !occ.RoomFree(at.Room, lead.S.Day, at.Start, until)) return false;
        var place = lead.Place(p.P, at.Room >= 0 ? at.Room : null);
        foreach (var w in at.Workers)
            if (!occ.HasHours(w, lead.S.Duration) || !occ.WorkerFree(w, lead.S.Day, at.Start, until, place)) return false;
        var meeting = members.Length > 1 ? Occupancy.MeetingOf(p, members[0], true) : members[0];
        foreach (var m in members)
            if (!occ.PeopleFree(p.Sessions[m].S, at.Start, at.Start + p.Sessions[m].S.Duration, meeting)) return false;
        return true;
    }

    public static void Book(Occupancy occ, Placement?[] plan, int[] members, Placement at)
    {
        occ.Add(members, at);
        foreach (var m in members) plan[m] = at;
    }

    /// <summary>First fit for one session, or for brothers and sisters as one meeting: earliest start, the nearest
    /// room for a baby, the previous supervisor when free, then the worker with the fewest hours.</summary>
    public static bool TryPlace(Prepared p, Occupancy occ, Placement?[] plan, int[] members, bool joint)
    {
        var lead = p.Sessions[members[0]];
        var s = lead.S;
        var ms = members.Select(m => p.Sessions[m]).ToArray();
        var starts = ms.Skip(1).Aggregate((IEnumerable<int>)lead.Starts, (acc, x) => acc.Intersect(x.Starts)).ToArray();
        var roomIds = joint ? p.JointRooms(members).ToArray() : lead.Rooms.Select(r => r.Room).ToArray();
        var workerIds = joint ? p.JointWorkers(members).ToArray() : lead.Workers.Select(w => w.Worker).ToArray();
        var roomOrder = roomIds.OrderBy(r => ms.Where(x => x.S.IsInfant).Sum(x => p.P.Travel.Between(x.S.HomePlace, p.P.Rooms[r].Place)))
            .ThenBy(r => p.P.Rooms[r].Capacity).ToArray();
        var prev = s.PreviousSupervisorId is { } id && p.WorkerIndex.TryGetValue(id, out var pw) ? pw : -1;
        var meeting = members.Length > 1 ? Occupancy.MeetingOf(p, members[0], true) : members[0];

        foreach (var t in starts)
        {
            var until = t + s.Duration;
            if (!ms.All(x => occ.PeopleFree(x.S, t, t + x.S.Duration, meeting))) continue;
            IEnumerable<int> rooms = s.NeedsRoom ? roomOrder.Where(r => p.RoomAt(members, r, t) && occ.RoomFree(r, s.Day, t, until)) : [-1];
            foreach (var r in rooms)
            {
                var place = lead.Place(p.P, r >= 0 ? r : null);
                var free = workerIds.Where(w => p.WorkerAt(members, w, t) && occ.HasHours(w, s.Duration) && occ.WorkerFree(w, s.Day, t, until, place))
                    .OrderBy(w => w == prev ? 0 : 1).ThenBy(w => occ.WorkerMinutes[w]).ToList();
                var chosen = Choose(p, free, s.WorkersNeeded, s.Language);
                if (chosen is null) continue;
                Book(occ, plan, members, new Placement(r, t, chosen, joint && members.Length > 1));
                return true;
            }
        }
        return false;
    }

    private static int[]? Choose(Prepared p, List<int> free, int needed, string? language)
    {
        if (needed == 0) return [];
        if (free.Count < needed) return null;
        var chosen = free.Take(needed).ToList();
        if (language is not null && !chosen.Any(w => Prepared.Speaks(p.P.Workers[w], language)))
        {
            var speaker = free.FirstOrDefault(w => Prepared.Speaks(p.P.Workers[w], language), -1);
            if (speaker < 0) return null;
            chosen[^1] = speaker;
        }
        return [.. chosen];
    }

    /// <summary>Takes out one meeting of each travel clash (a pinned or published one only when the other is too) and seats the
    /// sessions again where they fit. Used when the search stops with clashes the model had not yet been told of.</summary>
    public static void Repair(Prepared p, Occupancy occ, Placement?[] plan)
    {
        while (true)
        {
            var clash = occ.TravelClashes().FirstOrDefault((-1, -1, -1));
            if (clash.Item1 < 0) break;
            var (_, a, b) = clash;
            // Keep what the coordinator pinned, then what stays as published (rule 10), before anything else; but first
            // try to seat either one elsewhere (another start, room or worker) before leaving one out.
            int Keep(int x) => p.Sessions[x].Pinned ? 2 : p.Sessions[x].Published is not null ? 1 : 0;
            var victim = Keep(a) < Keep(b) ? a : b;
            var other = victim == a ? b : a;
            if (Reseat(p, occ, plan, victim) || (Keep(other) <= Keep(victim) && Reseat(p, occ, plan, other))) continue;
            var members = MembersOf(p, plan, victim);
            occ.Remove(members, plan[victim]!);
            foreach (var m in members) plan[m] = null;
        }
    }

    /// <summary>Moves one meeting to the first place it fits; puts it back as it was when there is none.</summary>
    private static bool Reseat(Prepared p, Occupancy occ, Placement?[] plan, int session)
    {
        var members = MembersOf(p, plan, session);
        var was = plan[session]!;
        occ.Remove(members, was);
        foreach (var m in members) plan[m] = null;
        if (members.Length > 1 ? TryPlace(p, occ, plan, members, joint: true) : TryPlace(p, occ, plan, members, joint: false)) return true;
        Book(occ, plan, members, was);
        return false;
    }

    public static int[] MembersOf(Prepared p, Placement?[] plan, int session)
    {
        var at = plan[session];
        if (at is null || !at.Joint) return [session];
        return p.Groups[p.Sessions[session].Group].Members;
    }
}
