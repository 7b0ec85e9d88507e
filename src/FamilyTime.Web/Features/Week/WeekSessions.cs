using FamilyTime.Data;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Week;

/// <summary>
/// Reads the sessions of a stretch of days for the week views: a worker's own (as supervisor, second worker or
/// driver), a social worker's children's, or an area's. Each list is two commands whatever its length: the sessions
/// with their child, venue, room, workers and arrangement; then the names of the people the arrangements are with.
/// </summary>
public sealed class WeekSessions(FamilyTimeDbContext db, TimeProvider clock)
{
    /// <summary>The most sessions one view lists: an area's busiest week is a few hundred, not thousands.</summary>
    public const int MostListed = 2000;

    /// <summary>The most records to write listed at once, as the inbox lists them.</summary>
    private const int MostToWrite = 200;

    /// <summary>The sessions a worker works: supervising, as second worker, or driving.</summary>
    public Task<IReadOnlyList<WeekSession>> ForWorkerAsync(string userId, DateOnly from, DateOnly to, CancellationToken ct) =>
        ListAsync(db.Sessions.Where(s => s.SupervisorId == userId || s.SecondWorkerId == userId || s.DriverId == userId), from, to, ct);

    /// <summary>The family time of the children a social worker is allocated.</summary>
    public Task<IReadOnlyList<WeekSession>> ForSocialWorkerAsync(string userId, DateOnly from, DateOnly to, CancellationToken ct) =>
        ListAsync(db.Sessions.Where(s => db.Children.Any(c => c.Id == s.ChildId && c.SocialWorkerId == userId)), from, to, ct);

    /// <summary>
    /// An area's sessions: those of its children (a child's area is its team's) and any held at its venues, so the
    /// rooms of the area show everything booked in them.
    /// </summary>
    public Task<IReadOnlyList<WeekSession>> ForAreaAsync(Guid areaId, DateOnly from, DateOnly to, CancellationToken ct) =>
        ListAsync(db.Sessions.Where(s =>
            db.Children.Any(c => c.Id == s.ChildId && db.Teams.Any(t => t.Id == c.TeamId && t.AreaId == areaId))
            || db.Venues.Any(v => v.Id == s.VenueId && v.AreaId == areaId)), from, to, ct);

    /// <summary>
    /// The sessions this worker supervised that have begun and still wait for their record, oldest first: the same
    /// rule as the inbox's "write the record" (supervised, assessed or facilitated family time; planned or held).
    /// </summary>
    public async Task<IReadOnlyList<RecordToWrite>> RecordsToWriteAsync(string userId, CancellationToken ct)
    {
        var today = clock.Today();
        var now = TimeOnly.FromDateTime(LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime));
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.SupervisorId == userId && s.RecordedAt == null
                && !db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type == ArrangementType.Unsupervised)
                && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly)
                && (s.Date < today || (s.Date == today && s.StartTime <= now)))
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).Take(MostToWrite)
            .Select(s => new
            {
                s.Id, s.ChildId, s.Date, s.StartTime,
                Child = db.Children.Where(c => c.Id == s.ChildId).Select(c => c.PreferredName ?? c.FirstName).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new RecordToWrite(r.Id, r.ChildId, r.Child, r.Date, r.StartTime, r.Date < today)).ToList();
    }

    private async Task<IReadOnlyList<WeekSession>> ListAsync(IQueryable<FamilyTimeSession> sessions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var today = clock.Today();
        // Sessions the plan withdrew were never due: calendars keep them, these lists do not.
        var rows = await (
            from s in sessions.AsNoTracking()
            where s.Date >= first && s.Date <= last && s.Status != SessionStatus.PlanChanged
            join a in db.Arrangements on s.ArrangementId equals a.Id into arrangements
            from a in arrangements.DefaultIfEmpty()
            orderby s.Date, s.StartTime, s.Id
            select new Row
            {
                Id = s.Id, ChildId = s.ChildId, Date = s.Date, StartTime = s.StartTime, DurationMinutes = s.DurationMinutes, Status = s.Status,
                RecordedAt = s.RecordedAt, BookedAt = s.BookedAt, ConfirmedAt = s.ConfirmedAt, UnconfirmedAt = s.UnconfirmedAt, RunningLateMinutes = s.RunningLateMinutes,
                VenueId = s.VenueId, RoomId = s.RoomId, SupervisorId = s.SupervisorId, SecondWorkerId = s.SecondWorkerId, DriverId = s.DriverId,
                ArrangementId = s.ArrangementId,
                Child = db.Children.Where(c => c.Id == s.ChildId).Select(c => c.PreferredName ?? c.FirstName).FirstOrDefault(),
                Venue = db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault(),
                Room = db.Rooms.Where(r => r.Id == s.RoomId).Select(r => r.Name).FirstOrDefault(),
                Supervisor = db.Users.Where(u => u.Id == s.SupervisorId).Select(u => u.DisplayName).FirstOrDefault(),
                SecondWorker = db.Users.Where(u => u.Id == s.SecondWorkerId).Select(u => u.DisplayName).FirstOrDefault(),
                Driver = db.Users.Where(u => u.Id == s.DriverId).Select(u => u.DisplayName).FirstOrDefault(),
                Interpreter = a == null ? null : a.InterpreterLanguage,
                Transport = a == null ? null : a.Transport,
                PersonIds = a == null ? null : a.PersonIds,
                ConfirmationRequired = a != null && a.ConfirmationRequired,
                // A one-off session with no arrangement is written up like supervised family time.
                NeedsRecord = a == null || a.Type != ArrangementType.Unsupervised,
                // Arrangement.ServiceSupervises, written out for the query: a carer or family member approved to
                // supervise, or nobody at all (unsupervised), leaves no worker to book.
                NeedsWorker = a == null || (a.Type != ArrangementType.Unsupervised && a.SupervisedBy == SupervisedBy.Worker),
            })
            .Take(MostListed)
            .ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(r => r.PersonIds ?? []).Distinct().ToList(), ct);
        return rows.Select(r =>
        {
            var awaits = r.NeedsRecord && r.RecordedAt is null && r.Date <= today && (r.Status == SessionStatus.Planned || FamilyTimeSession.IsHeld(r.Status));
            return new WeekSession(r.Id, r.ChildId, r.Child ?? "", r.Date, r.StartTime, r.StartTime.AddMinutes(r.DurationMinutes), r.DurationMinutes, r.Status,
                r.VenueId, r.Venue, r.RoomId, r.Room, r.SupervisorId, r.Supervisor, r.SecondWorkerId, r.SecondWorker, r.DriverId, r.Driver,
                r.Interpreter, r.Transport,
                (r.PersonIds ?? []).Where(names.ContainsKey).Select(id => names[id]).Order(StringComparer.Ordinal).ToList(),
                ConfirmationRules.StateOf(r.ConfirmedAt, r.UnconfirmedAt, r.ConfirmationRequired), r.RunningLateMinutes,
                awaits, awaits && r.Date < today, r.BookedAt is not null, r.NeedsWorker);
        }).ToList();
    }

    /// <summary>The names of the people the sessions' arrangements are with, in one command.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(List<Guid> personIds, CancellationToken ct) =>
        personIds.Count == 0 ? [] : await db.SignificantPeople.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

    /// <summary>One session as read, before it becomes a <see cref="WeekSession"/>.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ChildId { get; init; }
        public DateOnly Date { get; init; }
        public TimeOnly StartTime { get; init; }
        public int DurationMinutes { get; init; }
        public SessionStatus Status { get; init; }
        public DateTime? RecordedAt { get; init; }
        public DateTime? BookedAt { get; init; }
        public DateTime? ConfirmedAt { get; init; }
        public DateTime? UnconfirmedAt { get; init; }
        public int? RunningLateMinutes { get; init; }
        public Guid? VenueId { get; init; }
        public Guid? RoomId { get; init; }
        public string? SupervisorId { get; init; }
        public string? SecondWorkerId { get; init; }
        public string? DriverId { get; init; }
        public Guid? ArrangementId { get; init; }
        public string? Child { get; init; }
        public string? Venue { get; init; }
        public string? Room { get; init; }
        public string? Supervisor { get; init; }
        public string? SecondWorker { get; init; }
        public string? Driver { get; init; }
        public string? Interpreter { get; init; }
        public string? Transport { get; init; }
        public List<Guid>? PersonIds { get; init; }
        public bool ConfirmationRequired { get; init; }
        public bool NeedsRecord { get; init; }
        public bool NeedsWorker { get; init; }
    }
}
