using System.Globalization;
using FamilyTime.Domain.Common;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// Checks a coordinator's pin or change of one session against the rota's hard rules that concern that session alone
/// (README rules 2, 3 and 5): inside its window, a room it may use that is open for the whole session, the right
/// number of workers with the skills and language, each working then; and against the week's other pins
/// (<see cref="ClashesWithPins"/>), since two pins that cannot both hold leave one of them unplaced. Clashes with
/// sessions that are not pinned are the next run's to settle: it moves them around the pin (every plan it makes is
/// judged by the independent <c>RotaChecker</c>).
/// </summary>
public static class RotaOverrideCheck
{
    public static ValidationErrors Check(RotaRunResult snapshot, RotaSession s, Guid? roomId, int? start, IReadOnlyList<string> workerIds)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(workerIds);
        var errors = new ValidationErrors();
        if (roomId is null && start is null && workerIds.Count == 0)
        {
            return errors.Add("Pin", "Choose at least one of the room, the start time or the workers to pin");
        }
        if (start is { } t && (t < s.EarliestStart || t > s.LatestStart))
        {
            errors.Add("Start", $"Choose a start between {Clock(s.EarliestStart)} and {Clock(s.LatestStart)}: the session’s window");
        }
        if (roomId is { } r)
        {
            var room = snapshot.Room(r);
            if (!s.NeedsRoom)
            {
                errors.Add("RoomId", "This family time is not at a venue, so it has no room");
            }
            else if (room is null)
            {
                errors.Add("RoomId", "Choose a room in this area");
            }
            else
            {
                if ((room.Features & s.RoomNeeds) != s.RoomNeeds)
                {
                    errors.Add("RoomId", $"{room.Name} does not have what the session needs ({s.RoomNeeds})");
                }
                else if (room.Capacity < s.People)
                {
                    errors.Add("RoomId", $"{room.Name} holds {room.Capacity}; the session has {s.People} people");
                }
                else if (s.FixedVenueId is { } venue && room.VenueId != venue)
                {
                    errors.Add("RoomId", "The plan fixes the venue: choose a room there");
                }
                else if (start is { } at && !room.Open.Any(w => w.Holds(s.Day, at, at + s.Duration)))
                {
                    errors.Add("RoomId", $"{room.Name} is not open for the whole session at {Clock(at)}");
                }
                else if (!room.Open.Any(w => w.Day == s.Day))
                {
                    errors.Add("RoomId", $"{room.Name} is closed that day");
                }
            }
        }
        if (workerIds.Count > 0)
        {
            var workers = workerIds.Distinct(StringComparer.Ordinal).Select(id => snapshot.Workers.FirstOrDefault(w => w.Id == id)).ToList();
            if (workers.Any(w => w is null))
            {
                errors.Add("WorkerIds", "Choose workers on this area’s rota");
            }
            else if (workers.Count != s.WorkersNeeded)
            {
                errors.Add("WorkerIds", s.WorkersNeeded == 0
                    ? "A carer or family member supervises this family time: choose no workers"
                    : $"Choose {s.WorkersNeeded} different worker{(s.WorkersNeeded == 1 ? "" : "s")}");
            }
            else if (workers.FirstOrDefault(w => (w!.Skills & s.SkillsNeeded) != s.SkillsNeeded) is { } untrained)
            {
                errors.Add("WorkerIds", $"{untrained.Name} is not trained for assessed family time");
            }
            else if (s.Language is { } language && !workers.Any(w => w!.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)))
            {
                errors.Add("WorkerIds", $"The session needs a worker who speaks {language}");
            }
            else if (workers.FirstOrDefault(w => !w!.Available.Any(a => a.Day == s.Day)) is { } away)
            {
                errors.Add("WorkerIds", $"{away.Name} is not working that day");
            }
            else if (start is { } at2 && workers.FirstOrDefault(w => !w!.Available.Any(a => a.Holds(s.Day, at2, at2 + s.Duration))) is { } busy)
            {
                errors.Add("WorkerIds", $"{busy.Name} is not working for the whole session at {Clock(at2)}");
            }
        }
        return errors;
    }

    /// <summary>A pin of another session of the week, as it stands.</summary>
    public sealed record OtherPin(Guid SessionId, Guid? RoomId, int? Start, IReadOnlyList<string> WorkerIds);

    /// <summary>
    /// Whether the new pin and another pin of the week give both sessions a start on the same day, and then the same
    /// room at overlapping times, the same worker without the turnaround between, or the same child or parent at once:
    /// the rota could keep only one of them, so the coordinator is told which before the run instead of after it.
    /// </summary>
    public static ValidationErrors ClashesWithPins(RotaRunResult snapshot, RotaSession s, Guid? roomId, int? start, IReadOnlyList<string> workerIds, IEnumerable<OtherPin> others)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(workerIds);
        ArgumentNullException.ThrowIfNull(others);
        var errors = new ValidationErrors();
        if (start is not { } from)
        {
            return errors;
        }
        var people = s.ParentIds.Append(s.ChildId).ToHashSet();
        foreach (var other in others.Where(o => o.SessionId != s.Id && o.Start is not null))
        {
            if (snapshot.Session(other.SessionId) is not { } o || o.Day != s.Day)
            {
                continue;
            }
            var otherFrom = other.Start!.Value;
            // Brothers and sisters pinned to one start may meet together (one room, the same workers): no clash.
            if (s.TogetherKey is not null && s.TogetherKey == o.TogetherKey && from == otherFrom)
            {
                continue;
            }
            bool Overlap(int gap) => from < otherFrom + o.Duration + gap && otherFrom < from + s.Duration + gap;
            var whose = $"{o.ChildName}’s family time pinned at {Clock(otherFrom)}";
            if (roomId is { } room && other.RoomId == room && Overlap(0))
            {
                errors.Add("RoomId", $"{snapshot.Room(room)?.Name ?? "That room"} is pinned for {whose}: the rota could keep only one. Change or take away that pin first");
            }
            else if (workerIds.FirstOrDefault(w => other.WorkerIds.Contains(w, StringComparer.Ordinal)) is { } worker && Overlap(RotaProblem.TurnaroundMinutes))
            {
                errors.Add("WorkerIds", $"{snapshot.WorkerName(worker)} is pinned to {whose}: the rota could keep only one. Change or take away that pin first");
            }
            else if (o.ParentIds.Append(o.ChildId).Any(people.Contains) && Overlap(0))
            {
                errors.Add("Start", $"The same child or parent is in {whose}: choose another time");
            }
        }
        return errors;
    }

    public static string Clock(int minutes) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
