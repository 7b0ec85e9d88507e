using System.Globalization;
using FamilyTime.Domain.Common;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// Checks a coordinator's pin or change of one session against the rota's hard rules that concern that session alone
/// (README rules 2, 3 and 5): inside its window, a room it may use that is open for the whole session, the right
/// number of workers with the skills and language, each working then. Clashes with other sessions are left to the
/// next run, which keeps the pin or says why it cannot.
/// MERGER: once <c>Checking/RotaChecker</c> is merged, judge the pinned assignment with it as well.
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

    public static string Clock(int minutes) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
