using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Sessions;

public sealed record SessionRow(
    Guid Id,
    DateOnly Date,
    TimeOnly StartTime,
    TimeOnly EndTime,
    Guid? ArrangementId,
    string With,
    string? Venue,
    string? Room,
    string? Supervisor,
    SessionStatus Status,
    int Version,
    bool RecordOverdue = false,
    // Why the service cancelled, from the coded list, when it did (issue 10, item 13).
    ServiceCancellationReason? CancellationReason = null,
    // Ringing in and running late (issue 11): confirmed, unconfirmed (told not to set off), back on; minutes late.
    ConfirmationState Confirmation = ConfirmationState.NotNeeded,
    int? RunningLateMinutes = null);

public sealed record SessionRange(string ChildName, DateOnly From, DateOnly To, IReadOnlyList<SessionRow> Sessions);

/// <summary>
/// A child's sessions between two dates, for those who reach the child. A contact worker sees only the sessions
/// they run; case holders, carers and coordinators see them all.
/// </summary>
public sealed class SessionList(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    public const int MaxDays = 400;

    /// <summary>
    /// How far back the list starts when no dates are asked for: the recent past, so sessions waiting to be closed
    /// off or recorded are in sight, not only what is to come.
    /// </summary>
    public const int RecentPastDays = 28;

    public async Task<Outcome<SessionRange>> ListAsync(ChildContext child, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        var (childId, actor) = (child.ChildId, child.Actor);
        var start = from ?? clock.Today().AddDays(-RecentPastDays);
        var end = to ?? (from is null ? clock.Today() : start).AddMonths(12);
        if (end < start)
        {
            return Outcome<SessionRange>.Invalid(new ValidationErrors().Add("To", "The end date must be on or after the start date"));
        }
        if (end.DayNumber - start.DayNumber > MaxDays)
        {
            return Outcome<SessionRange>.Invalid(new ValidationErrors().Add("To", $"Ask for at most {MaxDays} days at a time"));
        }
        // A contact worker who only supervises sees the sessions they run, not the child's whole calendar.
        var onlyOwn = !child.Can(ChildOperation.ViewAllSessions);
        // Sessions the plan withdrew were never due: they stay for calendars (shown cancelled) and the audit, not here.
        var query = db.Sessions.AsNoTracking().Where(s => s.ChildId == childId && s.Date >= start && s.Date <= end && s.Status != SessionStatus.PlanChanged);
        if (onlyOwn)
        {
            query = query.Where(s => s.SupervisorId == actor.UserId);
        }
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        var (rows, names) = await audit.ViewAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Sessions, childId, childId), async c =>
        {
            var found = await query
                .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
                .Select(s => new
                {
                    s.Id, s.Date, s.StartTime, s.DurationMinutes, s.ArrangementId, s.Status, s.Version, s.RecordedAt, s.CancellationReason,
                    s.ConfirmedAt, s.UnconfirmedAt, s.RunningLateMinutes,
                    ConfirmationRequired = db.Arrangements.Any(a => a.Id == s.ArrangementId && a.ConfirmationRequired),
                    NeedsRecord = !db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type == Domain.Plans.ArrangementType.Unsupervised),
                    Room = db.Rooms.Where(r => r.Id == s.RoomId).Select(r => r.Name).FirstOrDefault(),
                    Venue = db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault(),
                    Supervisor = db.Users.Where(u => u.Id == s.SupervisorId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(c);
            return (found, await ArrangementNamesAsync(childId, c));
        }, ct);
        return Outcome<SessionRange>.Ok(new SessionRange(child.PreferredName ?? child.FirstName, start, end, rows.Select(s => new SessionRow(
            s.Id, s.Date, s.StartTime, s.StartTime.AddMinutes(s.DurationMinutes), s.ArrangementId,
            s.ArrangementId is { } a && names.TryGetValue(a, out var n) ? n : "One-off session",
            s.Venue, s.Room, s.Supervisor, s.Status, s.Version,
            // Supervised family time held before the record rule, still without its record: overdue until it is written.
            RecordOverdue: s.NeedsRecord && s.RecordedAt == null && s.Date < clock.Today() && FamilyTimeSession.IsHeld(s.Status),
            CancellationReason: s.CancellationReason,
            Confirmation: ConfirmationRules.StateOf(s.ConfirmedAt, s.UnconfirmedAt, s.ConfirmationRequired),
            RunningLateMinutes: s.RunningLateMinutes)).ToList()));
    }

    private async Task<Dictionary<Guid, string>> ArrangementNamesAsync(Guid childId, CancellationToken ct)
    {
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.ChildId == childId).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return arrangements.ToDictionary(a => a.Id, a => string.Join(" and ", a.PersonIds.Where(people.ContainsKey).Select(id => people[id])));
    }
}
