namespace FamilyTime.Scheduling.CpSat;

/// <summary>The README's objective, term by term, for a finished plan (the model's own objective is only a
/// stand-in for it while searching: it may count a move the plan did not make, never the other way round).</summary>
internal sealed record Score(
    long Objective, int Placed, int Unplaced, int Moved, int Kept, int WithPrevious, int InfantMinutes, int SpreadHours, int MostHours, int FewestHours, int[] Minutes)
{
    public double SameSupervisorRate => WithPrevious == 0 ? 0 : (double)Kept / WithPrevious;

    /// <param name="include">When set, only these sessions (one part of a decomposed week) and no weekly spread: the
    /// part's share of the objective, what its model's bound bounds.</param>
    public static Score Of(Prepared p, Placement?[] plan, Func<SessionPrep, Placement, bool> unmoved, bool[]? include = null)
    {
        var P = p.P;
        var w8 = P.Weights;
        long objective = 0;
        int placed = 0, unplaced = 0, moved = 0, kept = 0, withPrevious = 0, infant = 0;
        var minutes = new int[P.Workers.Count];
        foreach (var sp in p.Sessions)
        {
            if (include is not null && !include[sp.Index]) continue;
            var s = sp.S;
            var at = plan[sp.Index];
            if (sp.Published is not null && sp.ForcedMove is null && (at is null || !unmoved(sp, at))) moved++;
            if (at is null)
            {
                unplaced++;
                continue;
            }
            placed++;
            if (s.WorkersNeeded >= 1 && s.PreviousSupervisorId is { } prev)
            {
                withPrevious++;
                if (at.Workers.Any(w => P.Workers[w].Id == prev)) kept++;
                else objective += w8.NotSameSupervisor;
            }
            if (s.IsInfant)
            {
                var place = at.Room >= 0 ? P.Rooms[at.Room].Place : s.HomePlace;
                infant += P.Travel.Between(s.HomePlace, place);
            }
            // A joint meeting counts once towards each worker's hours.
            var booksOwn = !at.Joint || p.Groups[sp.Group].Lead == sp.Index;
            if (booksOwn) foreach (var w in at.Workers) minutes[w] += s.Duration;
        }
        objective += (long)w8.Unplaced * unplaced + (long)w8.InfantJourneyPerMinute * infant + (long)w8.MovedFromPublished * moved;
        foreach (var g in p.Groups)
            if ((include is null || include[g.Lead]) && !(plan[g.Lead] is { Joint: true } at && g.Members.All(m => ReferenceEquals(plan[m], at))))
                objective += (long)w8.SiblingsApart * g.Members.Length;
        int spread = 0, most = 0, fewest = 0;
        if (minutes.Length > 0 && include is null)
        {
            // Whole hours per worker (minutes / 60 rounded down), then the most less the fewest of the available.
            most = minutes.Max() / 60;
            var available = Enumerable.Range(0, minutes.Length).Where(w => p.WorkerAvailableInWeek[w]).Select(w => minutes[w] / 60).ToList();
            fewest = available.Count == 0 ? 0 : available.Min();
            spread = Math.Max(0, most - fewest);
        }
        objective += (long)w8.WorkloadSpreadPerHour * spread;
        return new Score(objective, placed, unplaced, moved, kept, withPrevious, infant, spread, most, fewest, minutes);
    }
}
