using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using ICalendar = Ical.Net.Calendar;

namespace FamilyTime.Web.Features.Calendar;

/// <summary>
/// Writes one person's upcoming sessions as iCalendar text. Who sees which session follows the record-level rules
/// of DOMAIN.md: a carer the children who live with them now, a contact worker the sessions they supervise, a parent
/// the sessions of their own arrangements. The feed leaves the council's systems for someone's phone or mail
/// provider, so each event says as little as will do: the child's first or chosen name, when, where, what kind.
/// Each event's UID is the session's Id, which the session keeps when the plan moves it; SEQUENCE and
/// LAST-MODIFIED come from the session (raised on every change a calendar shows); a cancelled session stays in the
/// feed as STATUS:CANCELLED for <see cref="CancelledKeptDays"/> days, because an event that simply vanishes is
/// kept by some calendar apps and dropped by others without a word.
/// </summary>
public sealed class CalendarFeedWriter(FamilyTimeDbContext db, TimeProvider clock, IConfiguration config, Notifications.FamilyOutputGuard guard)
{
    public const string TimeZoneId = "Europe/London";

    /// <summary>How long a cancelled session stays in the feed, from its cancellation or its date, whichever is later.</summary>
    public const int CancelledKeptDays = 30;

    private static readonly SessionStatus[] CancelledStatuses =
        Enum.GetValues<SessionStatus>().Where(FamilyTimeSession.IsCancelled).ToArray();

    /// <summary>The .ics text for the user; null when the user is gone or no longer holds a role with a calendar.</summary>
    public async Task<string?> WriteAsync(string userId, CancellationToken ct)
    {
        var events = await EventsForAsync(userId, ct);
        if (events is null)
        {
            return null;
        }
        var council = config["Council:Name"] ?? "your council";
        var calendar = new ICalendar { ProductId = "-//FamilyTime//Family time calendar//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"Family time – {council}");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        // Calendar apps that honour it check back hourly; most choose their own pace whatever is said here.
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        calendar.AddTimeZone(TimeZoneId, DateTime.SpecifyKind(clock.Today().ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), false);

        // DTSTAMP is the session's last change, not the time of the fetch: the feed's text then changes only when
        // its sessions do, which is what the ETag is made from (CalendarServices). A session saved before
        // LAST-MODIFIED was kept has none; it is stamped with the start of today.
        var fallback = clock.Today().ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var e in events)
        {
            var start = new CalDateTime(e.Date, e.StartTime, TimeZoneId);
            var modified = new CalDateTime(e.LastModified == default ? fallback : e.LastModified, true);
            var item = new CalendarEvent
            {
                Uid = e.SessionId.ToString(),
                DtStamp = modified,
                LastModified = modified,
                Sequence = e.Sequence,
                Start = start,
                End = start.AddMinutes(e.DurationMinutes),
                Summary = e.Summary,
                Location = e.Location,
                Description = e.Description,
                Status = e.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            };
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>One session as the person will see it in their calendar.</summary>
    public sealed record FeedEvent(Guid SessionId, DateOnly Date, TimeOnly StartTime, int DurationMinutes, int Sequence, string Summary, string? Location, string Description,
        bool Cancelled = false, DateTime LastModified = default);

    public async Task<IReadOnlyList<FeedEvent>?> EventsForAsync(string userId, CancellationToken ct)
    {
        // Read from the database at every fetch, not from a sign-in: the address outlives any cookie, so a person
        // who changes household or role sees the change at the next refresh.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.CarerHouseholdId, u.SuspendedAt }).FirstOrDefaultAsync(ct);
        // A suspended account's calendar stops with its sign-in: the address outlives any cookie.
        if (user is null || user.SuspendedAt is not null)
        {
            return null;
        }
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        var isCarer = roles.Contains(Roles.Carer);
        var isContactWorker = roles.Contains(Roles.ContactWorker);
        var isParent = roles.Contains(Roles.Parent);
        if (!isCarer && !isContactWorker && !isParent)
        {
            return null;
        }

        var today = clock.Today();
        var until = today.AddMonths(ContactPlan.HorizonMonths);
        // What is still to come, and what was cancelled in the last 30 days or was to happen in them, shown cancelled.
        var keptFrom = today.AddDays(-CancelledKeptDays);
        var keptSince = clock.GetUtcNow().UtcDateTime.AddDays(-CancelledKeptDays);
        var upcoming = db.Sessions.AsNoTracking().Where(s => s.Date <= until
            && ((s.Status == SessionStatus.Planned && s.Date >= today)
                || (CancelledStatuses.Contains(s.Status) && (s.Date >= keptFrom || s.ClosedAt >= keptSince))));

        // A session someone sees as carer or contact worker is shown in full; one they see only as a parent gets the
        // parent's view, which never gives away where the child lives.
        var asWorker = new Dictionary<Guid, FamilyTimeSession>();
        if (isCarer && user.CarerHouseholdId is { } household)
        {
            var living = await upcoming
                .Where(s => db.Placements.Any(p => p.ChildId == s.ChildId && p.EndDate == null && p.CarerHouseholdId == household))
                .ToListAsync(ct);
            living.ForEach(s => asWorker[s.Id] = s);
        }
        if (isContactWorker)
        {
            var supervising = await upcoming.Where(s => s.SupervisorId == userId).ToListAsync(ct);
            supervising.ForEach(s => asWorker[s.Id] = s);
        }
        var asParent = new Dictionary<Guid, FamilyTimeSession>();
        if (isParent)
        {
            foreach (var s in await ParentSessionsAsync(userId, upcoming, ct))
            {
                if (!asWorker.ContainsKey(s.Id))
                {
                    asParent[s.Id] = s;
                }
            }
        }

        var sessions = asWorker.Values.Concat(asParent.Values).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id).ToList();
        var lookups = await LookupsAsync(sessions, asParent.Values.Select(s => s.ChildId).ToHashSet(), ct);
        var events = new List<FeedEvent>();
        foreach (var s in sessions)
        {
            var e = Describe(s, lookups, parentView: asParent.ContainsKey(s.Id));
            events.Add(asParent.ContainsKey(s.Id) ? await GuardAsync(e, s.ChildId, ct) : e);
        }
        return events;
    }

    /// <summary>
    /// A parent's event passes the family guard, field by field, like every other output to a family: a location
    /// that would say where the child lives is left out, and the words are told where to ask instead.
    /// </summary>
    private async Task<FeedEvent> GuardAsync(FeedEvent e, Guid childId, CancellationToken ct)
    {
        var home = await guard.ForChildAsync(childId, ct);
        var places = await guard.PublicPlacesAsync(ct);
        if (e.Location is not null && home.Find(e.Location, places).Count > 0)
        {
            e = e with { Location = null, Description = e.Description + " Your social worker will tell you where it happens." };
        }
        return e with { Summary = home.Redact(e.Summary, places)!, Description = home.Redact(e.Description, places)! };
    }

    /// <summary>
    /// A parent's sessions are those of arrangements that include one of their own person records. The arrangements
    /// of their children are few, so their people lists are matched here rather than in SQL, which reads a list
    /// column differently on SQLite (JSON) and PostgreSQL (an array).
    /// </summary>
    private async Task<List<FamilyTimeSession>> ParentSessionsAsync(string userId, IQueryable<FamilyTimeSession> upcoming, CancellationToken ct)
    {
        var people = await db.SignificantPeople.AsNoTracking()
            .Where(p => p.PortalUserId == userId)
            .Select(p => new { p.Id, p.ChildId })
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return [];
        }
        var personIds = people.Select(p => p.Id).ToHashSet();
        var childIds = people.Select(p => p.ChildId).Distinct().ToList();
        var arrangements = await db.Arrangements.AsNoTracking()
            .Where(a => childIds.Contains(a.ChildId))
            .Select(a => new { a.Id, a.PersonIds })
            .ToListAsync(ct);
        var theirs = arrangements.Where(a => a.PersonIds.Any(personIds.Contains)).Select(a => (Guid?)a.Id).ToList();
        if (theirs.Count == 0)
        {
            return [];
        }
        return await upcoming.Where(s => theirs.Contains(s.ArrangementId)).ToListAsync(ct);
    }

    private sealed record ChildWords(string KnownAs);
    private sealed record Place(string Venue, string Address, string Postcode);
    private sealed record Home(string? Name, string? Address, string? Postcode);

    private sealed record Lookups(
        Dictionary<Guid, ChildWords> Children,
        Dictionary<Guid, ArrangementType> Types,
        Dictionary<Guid, Place> Venues,
        Dictionary<Guid, string> Rooms,
        ILookup<Guid, Home> Homes);

    private async Task<Lookups> LookupsAsync(List<FamilyTimeSession> sessions, HashSet<Guid> parentChildIds, CancellationToken ct)
    {
        var childIds = sessions.Select(s => s.ChildId).Distinct().ToList();
        var arrangementIds = sessions.Where(s => s.ArrangementId is not null).Select(s => s.ArrangementId!.Value).Distinct().ToList();
        var venueIds = sessions.Where(s => s.VenueId is not null).Select(s => s.VenueId!.Value).Distinct().ToList();
        var roomIds = sessions.Where(s => s.RoomId is not null).Select(s => s.RoomId!.Value).Distinct().ToList();

        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.PreferredName })
            .ToDictionaryAsync(c => c.Id, c => new ChildWords(c.PreferredName ?? c.FirstName), ct);
        var types = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Type })
            .ToDictionaryAsync(a => a.Id, a => a.Type, ct);
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Name, v.Address, v.Postcode })
            .ToDictionaryAsync(v => v.Id, v => new Place(v.Name, v.Address, v.Postcode), ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name })
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);

        // Where the children of a parent's sessions live now, only to check no venue gives it away (see Describe).
        var parentChildren = parentChildIds.ToList();
        var homes = parentChildren.Count == 0
            ? []
            : await (from p in db.Placements.AsNoTracking()
                     where parentChildren.Contains(p.ChildId) && p.EndDate == null
                     join h in db.CarerHouseholds on p.CarerHouseholdId equals h.Id into hs
                     from h in hs.DefaultIfEmpty()
                     select new { p.ChildId, Name = h != null ? h.Name : p.ResidentialHomeName, Address = h != null ? h.Address : null, Postcode = h != null ? h.Postcode : null })
                .ToListAsync(ct);
        return new Lookups(children, types, venues, rooms, homes.ToLookup(h => h.ChildId, h => new Home(h.Name, h.Address, h.Postcode)));
    }

    private static FeedEvent Describe(FamilyTimeSession s, Lookups l, bool parentView)
    {
        var child = l.Children.GetValueOrDefault(s.ChildId) ?? new ChildWords("your child");
        var kind = s.ArrangementId is { } a && l.Types.TryGetValue(a, out var type)
            ? $"{PlanWords.Describe(type)} family time"
            : "Family time";
        var place = s.VenueId is { } v ? l.Venues.GetValueOrDefault(v) : null;
        var room = s.RoomId is { } r ? l.Rooms.GetValueOrDefault(r) : null;

        var description = $"{kind}.";
        string? location = null;
        if (place is not null)
        {
            // A venue is a public place. Should one ever be set up at the child's own home, a parent is not told the
            // address by their calendar: the social worker explains where to go.
            if (parentView && l.Homes[s.ChildId].Any(h => GivesAwayHome(place, h)))
            {
                description += " Your social worker will tell you where it happens.";
            }
            else
            {
                location = string.Join(", ", new[] { place.Venue, room, place.Address, place.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
            }
        }
        var summary = $"Family time with {child.KnownAs}";
        var cancelled = FamilyTimeSession.IsCancelled(s.Status);
        if (cancelled)
        {
            // Coded words only: a reason someone typed could say anything, and the feed leaves the council's systems.
            summary = "Cancelled: " + summary;
            description = (s.Status == SessionStatus.PlanChanged ? "This family time is no longer planned: the plan changed. " : "This family time is cancelled. ") + description;
        }
        return new FeedEvent(s.Id, s.Date, s.StartTime, s.DurationMinutes, s.Sequence, summary, location, description, cancelled, s.LastModified);
    }

    private static bool GivesAwayHome(Place place, Home home) =>
        Matches(place.Postcode, home.Postcode, whole: true)
        || Matches(place.Address, home.Address, whole: false)
        || Matches(place.Venue, home.Name, whole: false);

    /// <summary>Compared on letters and digits only, so "NB1 2AB" and "nb12ab" are the same place.</summary>
    private static bool Matches(string venueText, string? homeText, bool whole)
    {
        var home = Squash(homeText ?? "");
        if (home.Length == 0)
        {
            return false;
        }
        var venue = Squash(venueText);
        return whole ? venue == home : venue.Contains(home, StringComparison.Ordinal);
    }

    private static string Squash(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
