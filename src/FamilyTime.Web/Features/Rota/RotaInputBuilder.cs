using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Rota;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ModelPin = FamilyTime.Scheduling.Model.RotaPin;

namespace FamilyTime.Web.Features.Rota;

/// <summary>A problem for the optimiser and the snapshot the page shows it against.</summary>
public sealed record RotaBuild(RotaProblem Problem, RotaRunResult Snapshot);

/// <summary>
/// Builds one area's week for the rota from the database: the sessions that need the service (a worker to supervise,
/// or a room at a venue), the area's open rooms and when they are open, the area's workers and when they are free,
/// travel between postcode districts, what was published before (or, in a week never published, the sessions as carers
/// and families know them) and what the coordinator pinned.
/// </summary>
public sealed class RotaInputBuilder(FamilyTimeDbContext db, InfantGuidance infants, TimeProvider clock, RotaSettings options)
{
    /// <summary>A room with no capacity written down is taken to hold a family group and its workers.</summary>
    private const int UnknownCapacity = 12;

    public async Task<RotaBuild?> BuildAsync(Guid areaId, DateOnly weekStart, bool allowMoreChanges, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return null;
        }
        var weekEnd = weekStart.AddDays(6);
        var today = clock.Today();
        var firstDay = today > weekStart ? today : weekStart;
        var places = new Places();

        // Sessions: planned, never written about, in the week (what has already begun this week stays as it is).
        var teamIds = await db.Teams.AsNoTracking().Where(t => t.AreaId == areaId).Select(t => t.Id).ToListAsync(ct);
        var candidates = await (from s in db.Sessions.AsNoTracking()
                                join c in db.Children.AsNoTracking() on s.ChildId equals c.Id
                                join a in db.Arrangements.AsNoTracking() on s.ArrangementId equals a.Id
                                where teamIds.Contains(c.TeamId) && s.Date >= firstDay && s.Date <= weekEnd
                                      && s.Status == SessionStatus.Planned && s.RecordedAt == null
                                select new { Session = s, KnownAs = c.PreferredName ?? c.FirstName, c.LastName, c.DateOfBirth, Arrangement = a }).ToListAsync(ct);
        var sessions = candidates.Where(x => NeedsService(x.Arrangement)).OrderBy(x => x.Session.Date).ThenBy(x => x.Session.StartTime).ThenBy(x => x.Session.Id).ToList();
        var childIds = sessions.Select(x => x.Session.ChildId).Distinct().ToList();
        // The week's pages name a child by the name they go by; two children of the same name in one week (two Haylies on
        // a Saturday) get their surname's initial too, so the coordinator can tell whose session is whose.
        var childNameOf = sessions.DistinctBy(x => x.Session.ChildId).GroupBy(x => x.KnownAs.Trim(), StringComparer.OrdinalIgnoreCase)
            .SelectMany(g => g.Select(x => (x.Session.ChildId, Name: g.Count() > 1 && x.LastName.Trim().Length > 0 ? $"{x.KnownAs.Trim()} {x.LastName.Trim()[..1]}." : x.KnownAs)))
            .ToDictionary(x => x.ChildId, x => x.Name);

        var homes = await (from p in db.Placements.AsNoTracking()
                           join h in db.CarerHouseholds.AsNoTracking() on p.CarerHouseholdId equals h.Id
                           where childIds.Contains(p.ChildId) && p.EndDate == null
                           select new { p.ChildId, h.Postcode }).ToListAsync(ct);
        var homeOf = homes.GroupBy(h => h.ChildId).ToDictionary(g => g.Key, g => PostcodeDistrict.Of(g.First().Postcode));
        var lastHeld = await db.Sessions.AsNoTracking()
            .Where(s => childIds.Contains(s.ChildId) && s.Date < firstDay && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly) && s.SupervisorId != null)
            .Select(s => new { s.ChildId, s.Date, s.StartTime, s.SupervisorId }).ToListAsync(ct);
        var lastSupervisor = lastHeld.GroupBy(s => s.ChildId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime).First().SupervisorId);
        var assigned = await db.SupervisorAssignments.AsNoTracking().Where(a => childIds.Contains(a.ChildId)).ToListAsync(ct);
        var assignedOf = assigned.GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Since).First().UserId);
        var personIds = sessions.SelectMany(x => x.Arrangement.PersonIds).Distinct().ToList();
        var people = await db.SignificantPeople.AsNoTracking().Where(p => childIds.Contains(p.ChildId))
            .Select(p => new { p.Id, p.ChildId, p.FullName, p.SiblingChildId }).ToListAsync(ct);
        var nameOf = people.ToDictionary(p => p.Id, p => p.FullName.Trim().ToUpperInvariant());
        var siblingGroup = SiblingGroups(childIds, people.Where(p => p.SiblingChildId is not null).Select(p => (p.ChildId, p.SiblingChildId!.Value)));

        // Rooms: the area's open venues.
        var venues = await db.Venues.AsNoTracking().Include(v => v.Rooms).Include(v => v.Closures).AsSplitQuery()
            .Where(v => v.AreaId == areaId && v.IsOpen).OrderBy(v => v.Name).ToListAsync(ct);
        var rooms = new List<RotaRoom>();
        foreach (var venue in venues)
        {
            var place = places.Of(PostcodeDistrict.Of(venue.Postcode));
            foreach (var room in venue.Rooms.OrderBy(r => r.Name))
            {
                var open = new List<DayWindow>();
                for (var day = 0; day < 7; day++)
                {
                    var date = weekStart.AddDays(day);
                    open.AddRange(venue.OpenWindows(room, date).Select(w => new DayWindow(day, w.FromMinute, w.UntilMinute)));
                }
                rooms.Add(new RotaRoom(room.Id, venue.Id, room.Name, venue.Name, place, room.Capacity ?? UnknownCapacity, room.Features, open));
            }
        }

        // Workers: the area's profiles, their pattern less their leave.
        var profiles = await db.WorkerProfiles.AsNoTracking().Where(p => p.AreaId == areaId).OrderBy(p => p.UserId).ToListAsync(ct);
        var userIds = profiles.Select(p => p.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.TrainedToAssess }).ToListAsync(ct);
        var leave = await db.WorkerLeave.AsNoTracking().Where(l => userIds.Contains(l.UserId) && l.From <= weekEnd && l.Until >= weekStart).ToListAsync(ct);
        var workers = new List<RotaWorker>();
        var workerViews = new List<RotaWorkerView>();
        foreach (var profile in profiles)
        {
            var user = users.FirstOrDefault(u => u.Id == profile.UserId);
            if (user is null)
            {
                continue;
            }
            var available = new List<DayWindow>();
            for (var day = 0; day < 7; day++)
            {
                var date = weekStart.AddDays(day);
                if (leave.Any(l => l.UserId == profile.UserId && l.Covers(date)))
                {
                    continue;
                }
                available.AddRange(profile.Pattern.Where(p => p.Day == date.DayOfWeek && p.Until > p.From)
                    .Select(p => new DayWindow(day, Minutes(p.From), Minutes(p.Until))));
            }
            // ApplicationUser.TrainedToAssess is the one source of "trained for assessed family time"; the profile holds the rest.
            var skills = profile.Skills | (user.TrainedToAssess ? WorkerSkills.Assessed : WorkerSkills.None);
            var basePlace = PostcodeDistrict.Of(profile.BasePostcode) is { } b ? places.Of(b) : (int?)null;
            var languages = profile.Languages.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            workers.Add(new RotaWorker(profile.UserId, user.DisplayName, skills, new HashSet<string>(languages, StringComparer.OrdinalIgnoreCase), available, basePlace, profile.MaxHoursPerWeek * 60));
            workerViews.Add(new RotaWorkerView(profile.UserId, user.DisplayName, skills, languages, available, profile.MaxHoursPerWeek * 60));
        }

        // The sessions themselves.
        var rotaSessions = new List<RotaSession>();
        var info = new List<RotaSessionInfo>();
        var together = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyOf = new Dictionary<Guid, string>();
        foreach (var x in sessions)
        {
            var (s, a) = (x.Session, x.Arrangement);
            var day = s.Date.DayNumber - weekStart.DayNumber;
            var window = SessionWindow.For(x.DateOfBirth, s.Date, s.StartTime, s.DurationMinutes, infants);
            var isInfant = infants.IsInfant(x.DateOfBirth, s.Date);
            var workersNeeded = a.ServiceSupervises ? WorkersNeeded(a) : 0;
            var needs = RoomFeatures.None;
            if (a.Type == ArrangementType.Assessed)
            {
                needs |= RoomFeatures.Formal | RoomFeatures.Observation;
            }
            if (isInfant)
            {
                needs |= RoomFeatures.BabyChange;
            }
            if (a.NeedsStepFreeAccess)
            {
                needs |= RoomFeatures.StepFree;
            }
            var home = homeOf.GetValueOrDefault(s.ChildId);
            var previous = lastSupervisor.GetValueOrDefault(s.ChildId) ?? s.SupervisorId ?? assignedOf.GetValueOrDefault(s.ChildId);
            if (siblingGroup.TryGetValue(s.ChildId, out var group))
            {
                // Brothers and sisters seeing the same people on the same day can meet together: each child has their own
                // record of a person, so the same people are matched by name.
                var names = string.Join("|", a.PersonIds.Select(p => nameOf.GetValueOrDefault(p, p.ToString())).Order(StringComparer.Ordinal));
                var key = $"{group:N}:{day}:{names}";
                keyOf[s.Id] = key;
                together[key] = together.GetValueOrDefault(key) + 1;
            }
            var workersNow = new[] { s.SupervisorId, s.SecondWorkerId }.Where(w => !string.IsNullOrEmpty(w)).Select(w => w!).ToList();
            rotaSessions.Add(new RotaSession(s.Id, s.ChildId, childNameOf[s.ChildId], day, window.Earliest, window.Latest, s.DurationMinutes,
                a.PersonIds.Count + 1 + workersNeeded, NeedsRoom(a), needs, workersNeeded,
                a.Type == ArrangementType.Assessed && workersNeeded > 0 ? WorkerSkills.Assessed : WorkerSkills.None,
                workersNeeded > 0 ? a.InterpreterLanguage : null, a.PersonIds.ToList(), places.Of(home), isInfant, previous, null,
                // Choosing the room, at any of the area's venues that suits, is the rota's job (a family whose session moves
                // venue is told when the week is published), unless the plan says family time must be at its venue.
                FixedVenue(a)));
            info.Add(new RotaSessionInfo(s.Id, s.ChildId, childNameOf[s.ChildId], s.Date, s.Version, s.VenueId, s.RoomId, Minutes(s.StartTime), workersNow, window.Why, home));
        }
        // A key only brothers and sisters share: one alone has nobody to meet with.
        rotaSessions = rotaSessions.Select(r => keyOf.TryGetValue(r.Id, out var k) && together[k] > 1 ? r with { TogetherKey = k } : r).ToList();
        // Brothers and sisters meeting together share the adults and the workers: the first of them counts everyone, the
        // others only themselves, so a joint meeting asks a room for the people really in it.
        var counted = new HashSet<string>(StringComparer.Ordinal);
        rotaSessions = rotaSessions.Select(r => r.TogetherKey is { } key && !counted.Add(key) ? r with { People = 1 } : r).ToList();

        // What an earlier published run gave these sessions, as they stand now, and the coordinator's pins.
        var sessionIds = rotaSessions.Select(r => r.Id).ToHashSet();
        var publishedJson = await db.RotaRuns.AsNoTracking().Where(r => r.AreaId == areaId && r.WeekStart == weekStart && r.Status == RotaRunStatus.Published)
            .OrderByDescending(r => r.PublishedAt).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var publishedIds = RotaResultJson.Read(publishedJson)?.Plan?.Assignments.Select(p => p.SessionId).ToHashSet() ?? [];
        // A week never published is still known: carers and families see each session's time and place on their pages.
        // Its sessions as they stand are what the first plan starts from, each move weighed (not limited: the first plan
        // is where a week is sorted out). One that cannot stay (a school-age child's time in school hours, a room of
        // another area, no worker yet) moves without weight, as a published session that now breaks a rule does.
        // In a published week, a session booked by hand since (one the plan left out, booked on the booking page) is known to
        // carers and the family just as a published one is: held to rule 10 with them, not moved for free.
        var weekPublished = publishedJson is not null;
        var bookedIds = sessions.Where(x => x.Session.IsBooked).Select(x => x.Session.Id).ToHashSet();
        var published = info.Where(i => !weekPublished || publishedIds.Contains(i.SessionId) || bookedIds.Contains(i.SessionId))
            .Select(i => new RotaAssignment(i.SessionId, i.RoomId, i.Start, i.WorkerIds, [])).ToList();
        var pins = (await db.RotaPins.AsNoTracking().Where(p => p.AreaId == areaId && p.WeekStart == weekStart).ToListAsync(ct))
            .Where(p => sessionIds.Contains(p.SessionId))
            .Select(p => new ModelPin(p.SessionId, p.RoomId, p.Start is { } t ? Minutes(t) : null, p.WorkerIds.Count > 0 ? p.WorkerIds.ToList() : null)).ToList();

        // Sessions the rota does not plan (another area's, or ones that need no worker or room of the service) that name
        // these workers or use these rooms stay where they are: their times are taken.
        (rooms, workers) = await BookedElsewhere.TakeOutAsync(db, weekStart, rooms, workers, rotaSessions.Select(s => s.Id).ToHashSet(), ct);

        var problem = new RotaProblem(area, weekStart, rooms, workers, rotaSessions, places.Matrix(), new RotaWeights(), pins, published,
            options.For(allowMoreChanges || !weekPublished));
        var snapshot = new RotaRunResult(area, weekStart, rooms, workerViews, rotaSessions, info, pins, published.Count, null, weekPublished);
        return new RotaBuild(problem, snapshot);
    }

    /// <summary>The rota plans family time the service supervises (a worker), or that happens at a venue (a room).</summary>
    public static bool NeedsService(Arrangement a) => a.ServiceSupervises || NeedsRoom(a);

    public static bool NeedsRoom(Arrangement a) => a.Place == FamilyTimePlace.Venue && a.Form == FamilyTimeForm.FaceToFace;

    /// <summary>One worker, or two where the plan says the family time needs two (Arrangement.WorkersNeeded).</summary>
    public static int WorkersNeeded(Arrangement a) => a.WorkersNeeded;

    /// <summary>The plan's venue when family time must be there ("this venue only"), else null: any suitable room of the area.</summary>
    public static Guid? FixedVenue(Arrangement a) => a.VenueFixed && NeedsRoom(a) ? a.VenueId : null;

    public static int Minutes(TimeOnly t) => t.Hour * 60 + t.Minute;

    /// <summary>Children linked as brothers and sisters (either way round), each mapped to the smallest id of their group.</summary>
    private static Dictionary<Guid, Guid> SiblingGroups(IReadOnlyCollection<Guid> children, IEnumerable<(Guid Child, Guid Sibling)> links)
    {
        var parent = children.ToDictionary(c => c, c => c);
        Guid Find(Guid c) => parent[c] == c ? c : parent[c] = Find(parent[c]);
        var any = new HashSet<Guid>();
        foreach (var (child, sibling) in links)
        {
            if (!parent.ContainsKey(child) || !parent.ContainsKey(sibling))
            {
                continue;
            }
            any.Add(child);
            any.Add(sibling);
            var (a, b) = (Find(child), Find(sibling));
            if (a != b)
            {
                parent[a.CompareTo(b) < 0 ? b : a] = a.CompareTo(b) < 0 ? a : b;
            }
        }
        return any.ToDictionary(c => c, Find);
    }

    /// <summary>Postcode districts numbered as places, with travel minutes between them.</summary>
    private sealed class Places
    {
        private readonly List<string?> _districts = [];

        public int Of(string? district)
        {
            var i = _districts.FindIndex(d => string.Equals(d, district, StringComparison.OrdinalIgnoreCase));
            if (i >= 0)
            {
                return i;
            }
            _districts.Add(district);
            return _districts.Count - 1;
        }

        public TravelMatrix Matrix()
        {
            if (_districts.Count == 0)
            {
                Of(null);
            }
            var n = _districts.Count;
            var minutes = new int[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    minutes[i, j] = i == j ? 0 : FamilyTime.Domain.Workforce.TravelEstimate.Minutes(_districts[i], _districts[j]);
                }
            }
            return new TravelMatrix(_districts.Select(d => d ?? "unknown").ToList(), minutes);
        }
    }
}
