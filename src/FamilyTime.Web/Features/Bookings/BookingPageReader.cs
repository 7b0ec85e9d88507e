using FamilyTime.Data;
using FamilyTime.Domain.Bookings;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Bookings;

/// <summary>The booking page's view: the session as booked now, what stands in its way now, and the choices, each saying whether it is free.</summary>
public sealed record BookingView(
    FamilyTimeSession Session,
    string ChildName,
    string? Booked,
    int WorkersNeeded,
    bool Assessed,
    IReadOnlyList<BookingConflict> CurrentConflicts,
    IReadOnlyList<SelectListItem> Rooms,
    IReadOnlyList<SelectListItem> Workers,
    IReadOnlyList<SelectListItem> Drivers);

/// <summary>
/// Reads the booking page: the session, its current booking and its conflicts as things stand, and the rooms and
/// workers to choose from. A worker's choice says, for the session's day and time, whether they are free, on leave,
/// not working or booked; a room's says its features and whether it is taken, so the coordinator chooses well first time.
/// </summary>
public sealed class BookingPageReader(FamilyTimeDbContext db, BookingFacts facts)
{
    public async Task<BookingView?> ReadAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.ChildId == child.ChildId, ct);
        if (session is null)
        {
            return null;
        }
        var childName = child.PreferredName ?? child.FirstName;
        var (assessed, needed, _) = await facts.NeedsAsync(session.ArrangementId, ct);
        var workers = await facts.WorkersAsync(ct);
        var rooms = await facts.RoomsAsync(ct);
        var others = await facts.OthersOnAsync(session.Date, session.Id, ct);
        var leave = await facts.LeaveOnAsync(session.Date, ct);
        var current = new SessionBooking(session.Date, session.StartTime, session.VenueId, session.RoomId, session.SupervisorId, session.SecondWorkerId, session.DriverId);
        var conflicts = session.Status == SessionStatus.Planned
            ? BookingConflicts.Find(await facts.CandidateAsync(session, childName, current, assessed, workers, ct), others)
            : [];
        var end = session.EndTime;
        bool Overlaps(BookedSession o) => BookingConflicts.Overlap(session.Date, session.StartTime, session.DurationMinutes, o.Date, o.Start, o.DurationMinutes);
        string WorkerNote(WorkerChoice w)
        {
            if (leave.Any(l => l.UserId == w.UserId))
            {
                return "away that day";
            }
            if (others.Any(o => o.WorkerIds.Contains(w.UserId) && Overlaps(o)))
            {
                return "booked then";
            }
            if (w.Profile is null)
            {
                return "no pattern recorded";
            }
            return w.Profile.IsAvailable(session.Date, session.StartTime, end, leave) ? "free" : "not working then";
        }
        string RoomNote(RoomChoice r)
        {
            var taken = others.Any(o => o.RoomId == r.RoomId && Overlaps(o)) ? ", booked then" : "";
            var features = Enum.GetValues<RoomFeatures>().Where(f => f != RoomFeatures.None && r.Features.HasFlag(f)).Select(Feature).ToList();
            var about = (r.Capacity is { } c ? [$"{c} people"] : new List<string>()).Concat(features);
            return $"{r.VenueName}: {r.RoomName}" + (about.Any() ? $" ({string.Join(", ", about)})" : "") + taken;
        }
        var names = workers.ToDictionary(w => w.UserId, w => w.Name);
        var room = rooms.FirstOrDefault(r => r.RoomId == session.RoomId);
        var booked = string.Join("; ", new[]
        {
            room is null ? null : $"{room.VenueName}, {room.RoomName}",
            session.SupervisorId is { } s && names.TryGetValue(s, out var sn) ? $"supervised by {sn}" : null,
            session.SecondWorkerId is { } w2 && names.TryGetValue(w2, out var wn) ? $"with {wn}" : null,
            session.DriverId is { } d && names.TryGetValue(d, out var dn) ? $"driven by {dn}" : null,
        }.Where(x => x is not null));
        var workerItems = workers.Select(w => new SelectListItem($"{w.Name} ({WorkerNote(w)}{(w.TrainedToAssess ? ", trained to assess" : "")})", w.UserId)).ToList();
        var driverItems = workers.Where(w => w.Driver).Select(w => new SelectListItem($"{w.Name} ({WorkerNote(w)})", w.UserId)).ToList();
        return new BookingView(session, childName, booked.Length == 0 ? null : booked, needed, assessed, conflicts,
            rooms.Select(r => new SelectListItem(RoomNote(r), r.RoomId.ToString())).ToList(), workerItems, driverItems);
    }

    private static string Feature(RoomFeatures f) => f switch
    {
        RoomFeatures.FamilyFriendly => "family-friendly",
        RoomFeatures.Formal => "formal",
        RoomFeatures.BabyChange => "baby change",
        RoomFeatures.Kitchen => "kitchen",
        RoomFeatures.Garden => "garden",
        RoomFeatures.StepFree => "step-free",
        RoomFeatures.Observation => "observation",
        _ => f.ToString().ToLowerInvariant(),
    };
}
