namespace FamilyTime.Scheduling.CpSat;

/// <summary>
/// The last step of a plan: a published session the plan moved (or left out) goes back to where carers and the family
/// know it when that place is still free in the finished plan and the week scores better for it. CP-SAT stops within
/// its gap limit of the bound, and a plan within it may still move a session that could have stayed: a move weighs 300,
/// and on an area's week the limit can be worth a few tens of points, on a part of a city's week far more.
/// </summary>
internal static class PutBack
{
    /// <returns>How many sessions went back.</returns>
    public static int Apply(Prepared p, Placement?[] plan)
    {
        var occ = CpSatRotaSolver.Occupy(p, plan);
        var score = Score.Of(p, plan, p.Unmoved).Objective;
        var back = 0;
        // Each session put back lowers the objective, so the passes end; one may free the place of another.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var s in p.Sessions)
            {
                // A pin holds where the coordinator put it; a session that must move, or has nowhere of its own, stays
                // as planned; brothers and sisters meeting together stay together.
                if (s.Published is null || s.ForcedMove is not null || s.Pinned || s.Unplaceable is not null) continue;
                var now = plan[s.Index];
                if (now is { Joint: true } || (now is not null && p.Unmoved(s, now))) continue;
                if (SeedPlanner.PublishedPlacement(p, s) is not { } was) continue;
                if (now is not null) occ.Remove([s.Index], now);
                if (SeedPlanner.Fits(p, occ, [s.Index], was))
                {
                    plan[s.Index] = was;
                    var tried = Score.Of(p, plan, p.Unmoved).Objective;
                    if (tried < score)
                    {
                        occ.Add([s.Index], was);
                        score = tried;
                        back++;
                        changed = true;
                        continue;
                    }
                    plan[s.Index] = now;
                }
                if (now is not null) occ.Add([s.Index], now);
            }
        }
        return back;
    }
}
