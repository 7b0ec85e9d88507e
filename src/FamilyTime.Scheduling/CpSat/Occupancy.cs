using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>Where a placed session is: room (or -1), start and workers; <see cref="Joint"/> when it meets with its
/// brothers and sisters as one meeting.</summary>
internal sealed record Placement(int Room, int Start, int[] Workers, bool Joint);

/// <summary>
/// What is booked in a working plan, for the seed planner, the repair of travel clashes and the diagnosis of why a
/// session could not be placed. Written from the README's rules 4 to 8, like the model.
/// </summary>
internal sealed class Occupancy
{
    private readonly Prepared _p;
    private readonly Dictionary<(int Room, int Day), List<(int From, int Until, int Meeting)>> _rooms = [];
    private readonly Dictionary<(int Worker, int Day), List<(int From, int Until, int Place, int Meeting)>> _workers = [];
    private readonly Dictionary<(Guid Person, int Day), List<(int From, int Until, int Meeting)>> _people = [];
    public int[] WorkerMinutes { get; }

    public Occupancy(Prepared p)
    {
        _p = p;
        WorkerMinutes = new int[p.P.Workers.Count];
    }

    private static IEnumerable<Guid> People(RotaSession s) => s.ParentIds.Prepend(s.ChildId);

    /// <summary>The meeting id of a session is its group's lead when joint, else itself.</summary>
    public static int MeetingOf(Prepared p, int session, bool joint) =>
        joint && p.Sessions[session].Group >= 0 ? p.Groups[p.Sessions[session].Group].Lead : session;

    public bool RoomFree(int room, int day, int from, int until, int meeting = -1)
    {
        if (!_rooms.TryGetValue((room, day), out var list)) return true;
        foreach (var (f, u, m) in list) if (m != meeting && f < until && from < u) return false;
        return true;
    }

    public bool WorkerFree(int worker, int day, int from, int until, int place, int meeting = -1)
    {
        if (!_workers.TryGetValue((worker, day), out var list)) return true;
        var travel = _p.P.Travel;
        foreach (var (f, u, pl, m) in list)
        {
            if (m == meeting) continue;
            if (!OneAfterTheOther(travel, f, u, pl, from, until, place)) return false;
        }
        return true;
    }

    /// <summary>Rule 6: one worker can do both sessions, [from, until) at their places, one after the other, with the
    /// turnaround and the journey between them.</summary>
    public static bool OneAfterTheOther(TravelMatrix travel, int fromA, int untilA, int placeA, int fromB, int untilB, int placeB) =>
        fromB >= untilA + RotaProblem.TurnaroundMinutes + travel.Between(placeA, placeB)
        || fromA >= untilB + RotaProblem.TurnaroundMinutes + travel.Between(placeB, placeA);

    public bool HasHours(int worker, int minutes) => WorkerMinutes[worker] + minutes <= _p.P.Workers[worker].MaxMinutesPerWeek;

    public bool PeopleFree(RotaSession s, int from, int until, int meeting = -1)
    {
        foreach (var person in People(s))
        {
            if (!_people.TryGetValue((person, s.Day), out var list)) continue;
            foreach (var (f, u, m) in list) if (m != meeting && f < until && from < u) return false;
        }
        return true;
    }

    /// <summary>Books one meeting (one session, or brothers and sisters jointly) into the plan.</summary>
    public void Add(int[] members, Placement at)
    {
        var lead = _p.Sessions[members[0]].S;
        var meeting = members.Length > 1 ? MeetingOf(_p, members[0], true) : members[0];
        var until = at.Start + lead.Duration;
        if (at.Room >= 0) Get(_rooms, (at.Room, lead.Day)).Add((at.Start, until, meeting));
        var place = _p.Sessions[members[0]].Place(_p.P, at.Room >= 0 ? at.Room : null);
        foreach (var w in at.Workers)
        {
            Get(_workers, (w, lead.Day)).Add((at.Start, until, place, meeting));
            WorkerMinutes[w] += lead.Duration;
        }
        foreach (var m in members)
        {
            var s = _p.Sessions[m].S;
            foreach (var person in People(s)) Get(_people, (person, s.Day)).Add((at.Start, at.Start + s.Duration, meeting));
        }
    }

    public void Remove(int[] members, Placement at)
    {
        var lead = _p.Sessions[members[0]].S;
        var meeting = members.Length > 1 ? MeetingOf(_p, members[0], true) : members[0];
        if (at.Room >= 0) _rooms[(at.Room, lead.Day)].RemoveAll(x => x.Meeting == meeting && x.From == at.Start);
        foreach (var w in at.Workers)
        {
            _workers[(w, lead.Day)].RemoveAll(x => x.Meeting == meeting && x.From == at.Start);
            WorkerMinutes[w] -= lead.Duration;
        }
        foreach (var m in members)
        {
            var s = _p.Sessions[m].S;
            foreach (var person in People(s)) _people[(person, s.Day)].RemoveAll(x => x.Meeting == meeting && x.From == at.Start);
        }
    }

    private static List<T> Get<TKey, T>(Dictionary<TKey, List<T>> d, TKey key) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        return list;
    }

    /// <summary>Meetings one worker has one after the other on a day.</summary>
    public IEnumerable<(int A, int B)> Neighbours()
    {
        foreach (var list in _workers.Values)
        {
            var sorted = list.OrderBy(x => x.From).ToList();
            for (var i = 0; i + 1 < sorted.Count; i++)
                if (sorted[i].Meeting != sorted[i + 1].Meeting) yield return (sorted[i].Meeting, sorted[i + 1].Meeting);
        }
    }

    /// <summary>Every pair of meetings of one worker on one day that leaves too little time to travel between them.</summary>
    public IEnumerable<(int Worker, int A, int B)> TravelClashes()
    {
        var travel = _p.P.Travel;
        foreach (var ((worker, _), list) in _workers)
        {
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    var a = list[i];
                    var b = list[j];
                    if (a.Meeting == b.Meeting) continue;
                    if (!OneAfterTheOther(travel, a.From, a.Until, a.Place, b.From, b.Until, b.Place)) yield return (worker, a.Meeting, b.Meeting);
                }
        }
    }
}
