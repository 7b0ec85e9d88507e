using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>The reasons shown beside each assignment, in the coordinator's words.</summary>
internal static class Explainer
{
    public static List<string> Reasons(Prepared p, Occupancy occ, Placement?[] plan, SessionPrep sp, Placement at, bool unmoved)
    {
        var P = p.P;
        var s = sp.S;
        var reasons = new List<string>();
        if (sp.Pinned) reasons.Add("Pinned by the coordinator");
        if (sp.Published is not null)
        {
            if (sp.ForcedMove is not null) reasons.Add($"Moved: {sp.ForcedMove}");
            // Published by a rota, or (a week never published) as carers and the family already see it.
            else if (unmoved) reasons.Add("Unchanged: as carers and the family know it");
            else if (!sp.Pinned) reasons.Add(p.MoveLimit is null ? "Moved to fit the rest of the week" : "Moved to fit the rest of the week (one of the few moves allowed)");
        }
        if (sp.Group >= 0)
            reasons.Add(at.Joint ? "Together with brothers and sisters"
                : p.Groups[sp.Group].JointPossible ? "Apart from brothers and sisters: together would leave other family time out"
                : "Apart from brothers and sisters: no room, time and worker suits them all together");

        var names = at.Workers.Select(w => P.Workers[w].Name).ToList();
        if (s.WorkersNeeded > 0 && s.PreviousSupervisorId is { } prevId)
        {
            var kept = at.Workers.Any(w => P.Workers[w].Id == prevId);
            if (kept) reasons.Add($"Same supervisor as last time ({P.Workers[p.WorkerIndex[prevId]].Name})");
            else reasons.Add("New supervisor: " + WhyNotPrevious(p, occ, sp, at, prevId));
        }
        if (s.Language is not null && s.WorkersNeeded > 0)
        {
            var speaker = at.Workers.Select(w => P.Workers[w]).FirstOrDefault(w => Prepared.Speaks(w, s.Language));
            if (speaker is not null) reasons.Add($"{speaker.Name} speaks {s.Language}");
        }
        if (s.SkillsNeeded.HasFlag(WorkerSkills.Assessed) && names.Count > 0)
            reasons.Add($"{Words.List(names)} {(names.Count == 1 ? "is" : "are")} trained for assessed family time");
        if (at.Room >= 0)
        {
            var room = P.Rooms[at.Room];
            if (s.IsInfant)
            {
                // Said as it is: the nearest room that suits is the aim, and a longer journey is named as one.
                var minutes = P.Travel.Between(s.HomePlace, room.Place);
                var nearest = sp.Rooms.Select(o => P.Travel.Between(s.HomePlace, P.Rooms[o.Room].Place)).DefaultIfEmpty(minutes).Min();
                var journey = minutes == 0 ? "Close to home" : $"{minutes} minute{(minutes == 1 ? "" : "s")} from home";
                reasons.Add(minutes <= nearest ? $"{journey}: the nearest room that suits (babies need short journeys)"
                    : $"{journey}, longer than a baby should travel: the nearest room that suits ({nearest} minute{(nearest == 1 ? "" : "s")}) was not free");
            }
            if (s.RoomNeeds != 0) reasons.Add($"{room.Name} has {Words.Features(s.RoomNeeds)}");
        }
        // No aim beyond the rules concerned it: say so rather than leave the coordinator an empty "why".
        if (reasons.Count == 0) reasons.Add("Free and suitable at a time it allows; nothing else to weigh");
        return reasons;
    }

    private static string WhyNotPrevious(Prepared p, Occupancy occ, SessionPrep sp, Placement at, string prevId)
    {
        var s = sp.S;
        if (!p.WorkerIndex.TryGetValue(prevId, out var w)) return "the previous supervisor is not on this week's rota";
        var worker = p.P.Workers[w];
        if ((worker.Skills & s.SkillsNeeded) != s.SkillsNeeded) return $"{worker.Name} is not {Words.Skills(s.SkillsNeeded & ~worker.Skills)}";
        if (s.Language is not null && s.WorkersNeeded == 1 && !Prepared.Speaks(worker, s.Language)) return $"{worker.Name} does not speak {s.Language}";
        var option = sp.Workers.FirstOrDefault(o => o.Worker == w);
        if (option is null)
            return worker.Available.Any(a => a.Day == s.Day)
                ? $"{worker.Name} is not available {Words.When(s)}"
                : $"{worker.Name} is away on {Words.Day(s.Day)}";
        if (sp.Pinned && sp.Pin!.WorkerIds is not null) return "the coordinator pinned the workers";
        var place = sp.Place(p.P, at.Room >= 0 ? at.Room : null);
        var freeSomewhere = option.Starts.Any(t => occ.WorkerFree(w, s.Day, t, t + s.Duration, place));
        return freeSomewhere
            ? $"{worker.Name} is needed for other family time then"
            : $"{worker.Name} is booked for other family time {Words.When(s)}";
    }
}
