using FamilyTime.Domain.Venues;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// Why a session is unplaced, in words a coordinator can act on: first what the session needs that the week does not
/// have at all (a room with its features, open in its window; a worker with the skill, the language, free then), then
/// what the finished plan has already taken.
/// </summary>
internal static class Diagnosis
{
    /// <summary>The session cannot be placed whatever else happens: name the first need nothing meets.</summary>
    public static string Static(Prepared p, RotaSession s)
    {
        var when = Words.When(s);
        var starts = StartsOf(s);
        var roomStarts = new HashSet<int>();
        if (s.NeedsRoom)
        {
            var atVenue = p.P.Rooms.Where(r => (s.FixedVenueId is null || r.VenueId == s.FixedVenueId) && s.TakesFrom(r.Area)).ToList();
            var venue = s.FixedVenueId is null ? "" : $" at {atVenue.FirstOrDefault()?.VenueName ?? "the venue it must use"}";
            if (atVenue.Count == 0) return "No room at the venue it must use is available this week";
            var featured = atVenue.Where(r => (r.Features & s.RoomNeeds) == s.RoomNeeds).ToList();
            var with = s.RoomNeeds == RoomFeatures.None ? "" : $" with {Words.Features(s.RoomNeeds)}";
            if (featured.Count == 0) return $"No room{venue} has {Words.Features(s.RoomNeeds)}";
            var big = featured.Where(r => r.Capacity >= s.People).ToList();
            if (big.Count == 0) return $"No room{with}{venue} holds {s.People} people";
            foreach (var r in big)
                foreach (var t in starts)
                    if (Prepared.Holds(r.Open, s.Day, t, t + s.Duration)) roomStarts.Add(t);
            if (roomStarts.Count == 0)
                return $"No room{with}{venue}{(big.Count < featured.Count ? $" for {s.People} people" : "")} is open {when}";
        }
        if (s.WorkersNeeded > 0)
        {
            var skilled = p.P.Workers.Where(w => (w.Skills & s.SkillsNeeded) == s.SkillsNeeded && w.MaxMinutesPerWeek >= s.Duration && s.TakesFrom(w.Area)).ToList();
            var who = s.SkillsNeeded == 0 ? "" : $" {Words.Skills(s.SkillsNeeded)}";
            if (skilled.Count == 0) return s.SkillsNeeded == 0 ? "No worker is on this week's rota" : $"No worker on the rota is{who}";
            if (s.Language is not null && !skilled.Any(w => Prepared.Speaks(w, s.Language)))
                return $"No worker{(who.Length > 0 ? " who is" + who : "")} speaks {s.Language}";
            bool Free(RotaWorker w, int t) => Prepared.Holds(w.Available, s.Day, t, t + s.Duration);
            var workerStarts = starts.Where(t => skilled.Count(w => Free(w, t)) >= s.WorkersNeeded).ToHashSet();
            if (workerStarts.Count == 0)
                return s.WorkersNeeded == 1 || skilled.All(w => !starts.Any(t => Free(w, t)))
                    ? $"No worker{(who.Length > 0 ? " who is" + who : "")} is available {when}"
                    : $"Fewer than {Words.Count(s.WorkersNeeded)} workers{(who.Length > 0 ? " who are" + who : "")} are available together {when}";
            if (s.Language is not null)
            {
                var speak = workerStarts.Where(t => skilled.Any(w => Free(w, t) && Prepared.Speaks(w, s.Language))).ToHashSet();
                if (speak.Count == 0) return $"No worker who speaks {s.Language} is available {when}";
                workerStarts = speak;
            }
            if (s.NeedsRoom && !workerStarts.Overlaps(roomStarts))
                return $"No suitable room is open while {(s.WorkersNeeded == 1 ? "a suitable worker is" : "enough suitable workers are")} available {when}";
        }
        return $"Nothing suits it {when}";
    }

    /// <summary>Each part of the pin is possible on its own, but not all of them at one time.</summary>
    public static string PinnedApart(Prepared p, RotaSession s, RotaPin pin)
    {
        var unpinned = Static(p, s);
        if (!unpinned.StartsWith("Nothing suits", StringComparison.Ordinal))
            return "Pinned by the coordinator, but " + char.ToLowerInvariant(unpinned[0]) + unpinned[1..];
        var parts = new List<string>();
        if (pin.RoomId is not null) parts.Add("room");
        if (pin.Start is not null) parts.Add("start");
        if (pin.WorkerIds is not null) parts.Add(pin.WorkerIds.Count == 1 ? "worker" : "workers");
        return parts switch
        {
            ["start"] => $"Pinned by the coordinator, but no suitable room and worker are free at the pinned time {Words.When(s)}",
            [var one] => $"Pinned by the coordinator, but the pinned {one} {(one == "workers" ? "are" : "is")} not free at a time that suits {Words.When(s)}",
            _ => $"Pinned by the coordinator, but the pinned {Words.List(parts)} are not free together {Words.When(s)}",
        };
    }

    private static IEnumerable<int> StartsOf(RotaSession s)
    {
        var first = (s.EarliestStart + Prepared.Grid - 1) / Prepared.Grid * Prepared.Grid;
        var any = false;
        for (var t = first; t <= s.LatestStart; t += Prepared.Grid)
        {
            any = true;
            yield return t;
        }
        if (!any) yield return s.EarliestStart;
    }

    /// <summary>The session could have been placed on its own: say what the finished plan has taken.</summary>
    public static string Taken(Prepared p, Occupancy occ, SessionPrep sp, bool moveLimitReached)
    {
        var s = sp.S;
        var when = Words.When(s);
        if (sp.Pinned)
            return moveLimitReached
                ? "Pinned by the coordinator, but keeping the pin would move more published family time than the limit on moves allows"
                : "Pinned by the coordinator, but the pin clashes with another pinned session";
        bool anyPeople = false, anyRoom = false, anyWorkers = false, anyHours = false;
        foreach (var t in sp.Starts)
        {
            var until = t + s.Duration;
            if (!occ.PeopleFree(s, t, until)) continue;
            anyPeople = true;
            var rooms = s.NeedsRoom
                ? sp.Rooms.Where(o => o.Starts.Contains(t) && occ.RoomFree(o.Room, s.Day, t, until)).Select(o => o.Room).ToList()
                : [-1];
            if (rooms.Count == 0) continue;
            anyRoom = true;
            foreach (var r in rooms)
            {
                var place = sp.Place(p.P, r >= 0 ? r : null);
                var free = sp.Workers.Where(o => o.Starts.Contains(t) && occ.WorkerFree(o.Worker, s.Day, t, until, place)).ToList();
                if (free.Count > 0) anyHours |= free.Any(o => occ.HasHours(o.Worker, s.Duration));
                free = free.Where(o => occ.HasHours(o.Worker, s.Duration)).ToList();
                if (free.Count >= s.WorkersNeeded && (s.WorkersNeeded == 0 || s.Language is null || free.Any(o => o.Speaks)))
                {
                    anyWorkers = true;
                    break;
                }
            }
            if (anyWorkers) break;
        }
        if (!anyPeople) return $"{s.ChildName} or a parent already has family time at every possible time {when}";
        if (!anyRoom) return $"Every suitable room is booked {when}";
        if (!anyWorkers)
        {
            var busyRoomsFree = sp.Starts.Any(t => sp.Workers.Count(o => o.Starts.Contains(t) && occ.WorkerFree(o.Worker, s.Day, t, t + s.Duration, s.HomePlace)) >= s.WorkersNeeded);
            if (!anyHours && s.WorkersNeeded > 0 && sp.Workers.All(o => !occ.HasHours(o.Worker, s.Duration)))
                return "Every suitable worker has used their weekly hours";
            if (s.Language is not null && s.WorkersNeeded > 0) return $"Every worker who speaks {s.Language} is busy {when}";
            return busyRoomsFree || !s.NeedsRoom
                ? "Every suitable room and worker is taken at those times"
                : $"Every suitable worker is busy {when}";
        }
        return moveLimitReached
            ? $"It would fit {when} only by moving more published family time than the limit on moves allows"
            : "The search stopped before it found a place: run the rota again with more time";
    }
}
