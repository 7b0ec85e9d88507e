using System.Globalization;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

internal static partial class UnplacedBound
{
    /// <summary>
    /// The relaxation gets travel (rule 6) only when it has at most this many variables without it. Travel multiplies
    /// its size by 3 to 10: over an area's weekday of a 1,500-session benchmark week (40–80 sessions) GLOP then took
    /// 0.1–7 s a day, which put the first search of the week 10–16 s later, and it proved no more than without it on
    /// the 15 weekdays compared. A weekend day (under 30 sessions, under 5,000 variables) takes under 0.1 s, and on
    /// one Saturday of 26 sessions it proved 5 must be left out where 4 without it (5 is exact, by a MIP), which
    /// CP-SAT, whose travel is learnt lazily, could not prove in a minute.
    /// </summary>
    public const int TravelUpToVariables = 5_000;

    /// <summary>
    /// Rule 6 in the relaxation: a worker who ends a session at place q cannot start one at place p before the
    /// turnaround and the journey from q to p are over. Per worker, each start of a session whose rooms lie at several
    /// places is split by place (the split is 0 unless a room there is chosen). Then, per worker and place p, a set of
    /// intervals no two of which can overlap in any plan: each session at p over [start, end + turnaround), and each
    /// session at another place q over its journey to p, [end + turnaround, end + turnaround + travel(q, p)). The usual
    /// one row per first minute makes them one at a time.
    /// </summary>
    /// <remarks>
    /// Why the set is one at a time in every plan (T the turnaround, d a length, τ(a, b) the journey from a to b ≥ 0):
    /// <list type="bullet">
    /// <item>two sessions at p: rule 6 keeps them apart, turnaround included;</item>
    /// <item>A at p and the journey to p from B at q: with A first, B starts at or after A's end + T + τ(p, q), so its
    /// journey starts after A's interval ends; with B first, A starts at or after B's end + T + τ(q, p), when the
    /// journey is over;</item>
    /// <item>journeys to p from B at q and then C at r: both under way at one minute needs τ(q, r) + d(C) + T &lt;
    /// τ(q, p), which cannot happen when every staffed session's d + T is at least the longest journey between the
    /// places involved. When one is shorter (never in the benchmark's cities, where a journey is at most 46 minutes
    /// and a session at least 60), travel is left out, which only widens the relaxation;</item>
    /// <item>two variables of one session: it starts once, and its split variables at one start add up to one worker
    /// variable, so one place; the other members of a joint meeting book nothing of their own (their worker variables
    /// are 0 when the meeting is held).</item>
    /// </list>
    /// </remarks>
    /// <returns>Whether every answer of the model keeps rule 6: true when the rows are added or no journey matters (fewer
    /// than two staffed sessions, or every place at one), false when travel is left out.</returns>
    private static bool AddTravel(Prepared p, SessionPrep[] sessions, Relaxation lp,
        Dictionary<(int Session, int Room, int Start), int> roomVar, Dictionary<(int Session, int Worker, int Start), int> workerVar)
    {
        var travel = p.P.Travel;
        var staffed = sessions.Where(sp => sp.S.WorkersNeeded > 0).ToArray();
        if (staffed.Length < 2) return true;
        var places = staffed.SelectMany(sp => sp.S.NeedsRoom ? sp.Rooms.Select(o => p.P.Rooms[o.Room].Place) : [sp.S.HomePlace])
            .Distinct().ToArray();
        var longestJourney = places.SelectMany(a => places.Select(b => travel.Between(a, b))).Max();
        if (longestJourney == 0) return true;
        if (longestJourney > staffed.Min(sp => sp.S.Duration) + RotaProblem.TurnaroundMinutes) return false;

        // Each worker's start of a session, by the place it is at.
        var byPlace = new List<(int Worker, int Place, int Var, int Session, int Start)>();
        foreach (var ((session, worker, start), y) in workerVar.OrderBy(x => x.Value))
        {
            var sp = p.Sessions[session];
            if (!sp.S.NeedsRoom)
            {
                byPlace.Add((worker, sp.S.HomePlace, y, session, start));
                continue;
            }
            var placesAt = sp.Rooms.Where(o => roomVar.ContainsKey((session, o.Room, start))).Select(o => p.P.Rooms[o.Room].Place).Distinct().ToArray();
            if (placesAt.Length == 1)
            {
                byPlace.Add((worker, placesAt[0], y, session, start));
                continue;
            }
            var split = lp.Row(0, 0, (y, -1));
            foreach (var place in placesAt)
            {
                var v = lp.Variable();
                split.Add((v, 1));
                byPlace.Add((worker, place, v, session, start));
            }
        }
        // The workers at a place: at most those the session needs, and none unless its room is there.
        foreach (var g in byPlace.GroupBy(x => (x.Session, x.Place, x.Start)))
        {
            var sp = p.Sessions[g.Key.Session];
            if (!sp.S.NeedsRoom) continue;
            var row = lp.Row(-Relaxation.Infinity, 0, [.. g.Select(x => (x.Var, 1))]);
            foreach (var o in sp.Rooms.Where(o => p.P.Rooms[o.Room].Place == g.Key.Place))
                if (roomVar.TryGetValue((g.Key.Session, o.Room, g.Key.Start), out var x)) row.Add((x, -sp.S.WorkersNeeded));
        }
        foreach (var mine in byPlace.GroupBy(x => x.Worker))
            foreach (var place in mine.Select(x => x.Place).Distinct())
            {
                var who = string.Create(CultureInfo.InvariantCulture, $"{mine.Key}@{place}");
                foreach (var x in mine)
                {
                    var s = p.Sessions[x.Session].S;
                    var end = x.Start + s.Duration + RotaProblem.TurnaroundMinutes;
                    if (x.Place == place) lp.Occupy('t', who, s.Day, x.Var, x.Start, end);
                    else if (travel.Between(x.Place, place) is var journey and > 0) lp.Occupy('t', who, s.Day, x.Var, end, end + journey);
                }
            }
        return true;
    }
}
