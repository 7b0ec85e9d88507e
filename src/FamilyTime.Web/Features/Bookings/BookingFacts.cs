using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Bookings;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Features.Suspensions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Bookings;

/// <summary>A worker a session can be booked with: their name, and whether they are trained for assessed family time and can drive.</summary>
public sealed record WorkerChoice(string UserId, string Name, bool TrainedToAssess, bool Driver, WorkerProfile? Profile)
{
    public string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? Name;
}

/// <summary>A room of an open venue, with what the venue and room are.</summary>
public sealed record RoomChoice(Guid VenueId, string VenueName, string Postcode, Guid RoomId, string RoomName, int? Capacity, RoomFeatures Features);

/// <summary>
/// Reads what the booking checks need from the database and turns it into the domain's plain data: the workers who
/// can be booked (contact workers, and anyone else with a worker profile), their leave, the rooms of open venues,
/// the other sessions still planned on a day, and the people of an arrangement (a parent is the same person across
/// children when their portal account is).
/// </summary>
public sealed class BookingFacts(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<WorkerChoice>> WorkersAsync(CancellationToken ct)
    {
        var profiles = await db.WorkerProfiles.AsNoTracking().ToListAsync(ct);
        var withProfile = profiles.Select(p => p.UserId).ToList();
        var contactWorkers = await db.InRole(Roles.ContactWorker).Select(u => u.Id).ToListAsync(ct);
        var ids = contactWorkers.Union(withProfile).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.TrainedToAssess }).ToListAsync(ct);
        return users.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(u =>
            {
                var profile = profiles.FirstOrDefault(p => p.UserId == u.Id);
                return new WorkerChoice(u.Id, u.DisplayName, u.TrainedToAssess, profile?.IsDriver ?? false, profile);
            }).ToList();
    }

    public async Task<IReadOnlyList<WorkerLeave>> LeaveOnAsync(DateOnly date, CancellationToken ct) =>
        await db.WorkerLeave.AsNoTracking().Where(l => l.From <= date && l.Until >= date).ToListAsync(ct);

    public async Task<IReadOnlyList<RoomChoice>> RoomsAsync(CancellationToken ct)
    {
        var rooms = await db.Rooms.AsNoTracking()
            .Join(db.Venues.AsNoTracking().Where(v => v.IsOpen), r => r.VenueId, v => v.Id,
                (r, v) => new RoomChoice(v.Id, v.Name, v.Postcode, r.Id, r.Name, r.Capacity, r.Features))
            .ToListAsync(ct);
        return rooms.OrderBy(r => r.VenueName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.RoomName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The venue (with its closures) a room belongs to, for <see cref="RoomOpenness"/>.</summary>
    public Task<Venue?> VenueAsync(Guid venueId, CancellationToken ct) =>
        db.Venues.AsNoTracking().Include(v => v.Closures).Include(v => v.Rooms).FirstOrDefaultAsync(v => v.Id == venueId, ct);

    /// <summary>The people of an arrangement, keyed by portal account where they have one, else by their record.</summary>
    public async Task<IReadOnlyList<BookingParent>> ParentsAsync(Guid childId, Guid? arrangementId, CancellationToken ct)
    {
        if (arrangementId is null)
        {
            return [];
        }
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.PersonIds).FirstOrDefaultAsync(ct) ?? [];
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new { p.Id, p.FullName, p.PortalUserId }).ToListAsync(ct);
        return people.Where(p => personIds.Contains(p.Id)).Select(p => new BookingParent(p.PortalUserId ?? p.Id.ToString(), p.FullName)).ToList();
    }

    /// <summary>Every other session still planned on <paramref name="date"/> or the day either side, as the conflict checks read them.</summary>
    public async Task<IReadOnlyList<BookedSession>> OthersOnAsync(DateOnly date, Guid exceptSessionId, CancellationToken ct)
    {
        // The day before and after too: a session running past midnight reaches into the next day (see BookingConflicts).
        var (from, until) = (date.AddDays(-1), date.AddDays(1));
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Date >= from && s.Date <= until && s.Id != exceptSessionId && s.Status == SessionStatus.Planned)
            .Select(s => new { s.Id, s.ChildId, s.ArrangementId, s.Date, s.StartTime, s.DurationMinutes, s.VenueId, s.RoomId, s.SupervisorId, s.SecondWorkerId, s.DriverId })
            .ToListAsync(ct);
        if (sessions.Count == 0)
        {
            return [];
        }
        var arrangementIds = sessions.Where(s => s.ArrangementId != null).Select(s => s.ArrangementId!.Value).Distinct().ToList();
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id))
            .Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var childIds = sessions.Select(s => s.ChildId).Distinct().ToList();
        var people = await db.SignificantPeople.AsNoTracking().Where(p => childIds.Contains(p.ChildId))
            .Select(p => new { p.Id, p.PortalUserId }).ToDictionaryAsync(p => p.Id, p => p.PortalUserId ?? p.Id.ToString(), ct);
        var venueIds = sessions.Where(s => s.VenueId != null).Select(s => s.VenueId!.Value).Distinct().ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Name, v.Postcode }).ToDictionaryAsync(v => v.Id, ct);
        return sessions.Select(s =>
        {
            var personIds = arrangements.FirstOrDefault(a => a.Id == s.ArrangementId)?.PersonIds ?? [];
            var venue = s.VenueId is { } v && venues.TryGetValue(v, out var found) ? found : null;
            return new BookedSession(s.Id, s.ChildId, personIds.Where(people.ContainsKey).Select(p => people[p]).ToList(), s.Date, s.StartTime,
                s.DurationMinutes, s.RoomId, venue?.Name, venue?.Postcode,
                new[] { s.SupervisorId, s.SecondWorkerId, s.DriverId }.Where(w => !string.IsNullOrEmpty(w)).Select(w => w!).Distinct().ToList());
        }).ToList();
    }

    /// <summary>The arrangement's needs: assessed (trained workers only) and how many workers.</summary>
    public async Task<(bool Assessed, int WorkersNeeded, bool ServiceSupervises)> NeedsAsync(Guid? arrangementId, CancellationToken ct)
    {
        if (arrangementId is null)
        {
            return (false, 1, true);
        }
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId)
            .Select(x => new { x.Type, x.WorkersNeeded, x.SupervisedBy }).FirstOrDefaultAsync(ct);
        return a is null
            ? (false, 1, true)
            : (a.Type == ArrangementType.Assessed, a.WorkersNeeded, a.Type != ArrangementType.Unsupervised && a.SupervisedBy == SupervisedBy.Worker);
    }

    /// <summary>Builds the candidate for the checks: the session as it would be booked.</summary>
    public async Task<BookingCandidate> CandidateAsync(FamilyTimeSession session, string childName, SessionBooking booking, bool assessed,
        IReadOnlyList<WorkerChoice> workers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(booking);
        BookingPlace? place = null;
        if (booking.VenueId is { } venueId && await VenueAsync(venueId, ct) is { } venue)
        {
            var room = booking.RoomId is { } roomId ? venue.Rooms.FirstOrDefault(r => r.Id == roomId) : null;
            place = new BookingPlace(venue.Id, venue.Name, venue.Postcode, room?.Id, room?.Name, RoomOpenness.On(venue, room?.Id, booking.Date), room?.Features);
        }
        var leave = await LeaveOnAsync(booking.Date, ct);
        var chosen = new List<BookingWorker>();
        void Add(string? id, BookingRole role)
        {
            if (id is not { Length: > 0 } || workers.FirstOrDefault(w => w.UserId == id) is not { } w)
            {
                return;
            }
            chosen.Add(new BookingWorker(w.UserId, w.FirstName, role, w.Profile, leave.Where(l => l.UserId == w.UserId).ToList(), w.TrainedToAssess));
        }
        Add(booking.SupervisorId, BookingRole.Supervisor);
        Add(booking.SecondWorkerId, BookingRole.SecondWorker);
        Add(booking.DriverId, BookingRole.Driver);
        var parents = await ParentsAsync(session.ChildId, session.ArrangementId, ct);
        return new BookingCandidate(session.Id, session.ChildId, childName, parents, booking.Date, booking.Start, session.DurationMinutes, place, chosen, assessed,
            await VenueNeedsAsync(session.ArrangementId, ct));
    }

    /// <summary>What the arrangement asks of the venue: step-free access, and its own venue when family time must be there.</summary>
    public async Task<PlanVenueNeeds> VenueNeedsAsync(Guid? arrangementId, CancellationToken ct)
    {
        if (arrangementId is null)
        {
            return PlanVenueNeeds.None;
        }
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId)
            .Select(x => new { x.NeedsStepFreeAccess, x.VenueFixed, x.VenueId }).FirstOrDefaultAsync(ct);
        if (a is null || (!a.NeedsStepFreeAccess && !a.VenueFixed))
        {
            return PlanVenueNeeds.None;
        }
        var fixedVenue = a.VenueFixed ? a.VenueId : null;
        var name = fixedVenue is { } v ? await db.Venues.AsNoTracking().Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new PlanVenueNeeds(a.NeedsStepFreeAccess, fixedVenue, name);
    }
}
