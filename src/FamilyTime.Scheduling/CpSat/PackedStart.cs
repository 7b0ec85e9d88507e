namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// A part's first plan from the packing MIP (<see cref="UnplacedBound.Pack"/>), for a part whose first fit leaves out
/// more sessions than the relaxation says must be. The MIP's rooms and starts are kept and its workers chosen again with
/// travel known (<see cref="Restaffing"/>: the MIP leaves travel out on a big day); what still does not fit, and every
/// session the MIP left out, is seated first fit. Every rule holds, as in <see cref="SeedPlanner"/>.
/// </summary>
/// <remarks>
/// Why: on the benchmark's hardest day (an area's Monday of 66 sessions, at least 7 of them left out) CP-SAT from the
/// first fit (16 left out) needed 35 s on two workers to place all but 7; from this start (7 left out, after 8 s of the
/// MIP on one core) it reached the same plan's quality in another 3–6 s.
/// </remarks>
internal static class PackedStart
{
    /// <returns>The plan, or null when the MIP found nothing in <paramref name="seconds"/>.</returns>
    public static Placement?[]? Build(RotaModel model, int seed, double seconds, CancellationToken cancellationToken = default)
    {
        var p = model.Prep;
        var meetings = UnplacedBound.Pack(p, model.Includes, g => model.Joint[g] is not null, seconds);
        if (meetings is null || cancellationToken.IsCancellationRequested) return null;
        var plan = new Placement?[p.Sessions.Length];
        var occ = new Occupancy(p);
        // Pins first, then the day in order. Rooms and people only: the workers are chosen again below.
        foreach (var (members, at) in meetings.OrderBy(m => m.Members.Any(i => p.Sessions[i].Pinned) ? 0 : 1).ThenBy(m => m.At.Start))
            if (Allowed(p, members, at) && RoomAndPeopleFree(p, occ, members, at)) SeedPlanner.Book(occ, plan, members, at);
        var (staffed, _) = Restaffing.Mend(model, plan, seed, workers: 1, seconds: Math.Max(0.5, seconds / 4), work: null, cancellationToken);
        if (staffed is not null)
        {
            plan = staffed;
            occ = CpSatRotaSolver.Occupy(p, plan);
        }
        // Without a choice of workers that travels in time (or within weekly hours), the clashes are taken out one by one
        // and re-seated where they fit.
        SeedPlanner.Repair(p, occ, plan);
        SeedPlanner.SeatTheRest(p, occ, plan, model.Includes);
        return plan;
    }

    /// <summary>What the MIP does not hold but a plan must: the room and every worker open (available) to every member at
    /// that start, as many workers as needed, and one who speaks each member's language.</summary>
    private static bool Allowed(Prepared p, int[] members, Placement at)
    {
        var lead = p.Sessions[members[0]].S;
        if (lead.NeedsRoom != at.Room >= 0 || at.Workers.Length != lead.WorkersNeeded) return false;
        if (at.Room >= 0 && !p.RoomAt(members, at.Room, at.Start)) return false;
        if (at.Workers.Any(w => !p.WorkerAt(members, w, at.Start))) return false;
        return members.All(m => p.Sessions[m].S.Language is not { } language || at.Workers.Any(w => Prepared.Speaks(p.P.Workers[w], language)));
    }

    private static bool RoomAndPeopleFree(Prepared p, Occupancy occ, int[] members, Placement at)
    {
        var lead = p.Sessions[members[0]].S;
        if (at.Room >= 0 && !occ.RoomFree(at.Room, lead.Day, at.Start, at.Start + lead.Duration)) return false;
        var meeting = members.Length > 1 ? Occupancy.MeetingOf(p, members[0], true) : members[0];
        return members.All(m => occ.PeopleFree(p.Sessions[m].S, at.Start, at.Start + p.Sessions[m].S.Duration, meeting));
    }
}
