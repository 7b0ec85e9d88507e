using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>One coming session as the carer needs it: when, where, with whom, who supervises, and who takes and collects the child.</summary>
/// <param name="Confirmation">
/// Whether the family has confirmed, in the carer's words ("Confirmed by the family", "Not confirmed: do not set
/// off", "Running 15 minutes late"), for a session still planned; null when there is nothing to say.
/// </param>
public sealed record NextSession(
    Guid Id,
    Guid ChildId,
    DateOnly Date,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Where,
    string With,
    string? Supervisor,
    string? Transport,
    SessionStatus Status,
    string? Confirmation = null)
{
    /// <summary>Cancelled, moved or suspended: kept on the list so the carer sees the change, not a silent gap.</summary>
    public bool IsOff => Status != SessionStatus.Planned;
}

/// <summary>A session that took place lately whose before or after is still to record.</summary>
public sealed record SessionToRecord(Guid Id, DateOnly Date, TimeOnly StartTime, string With, bool BeforeRecorded, bool AfterRecorded);

/// <summary>One child living with the carer and what is coming.</summary>
public sealed record CarerChild(
    Guid ChildId,
    string Name,
    string FamilyTimeName,
    string? SocialWorker,
    IReadOnlyList<NextSession> Next,
    IReadOnlyList<SessionToRecord> ToRecord);

/// <summary>
/// What's next for the children living with a carer: their coming sessions with venue, people, supervisor and
/// transport, and the held sessions still waiting for before and after. Reads only children placed now with the
/// carer's household (a child who has moved on is no longer theirs to see).
/// </summary>
public sealed class CarerFamilyTime(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    /// <summary>How many coming sessions the front page shows per child; the child's own page shows more.</summary>
    public const int OnFrontPage = 3;
    public const int OnChildPage = 12;

    /// <summary>How far back a held session is offered for before and after, as on the wellbeing page.</summary>
    public const int RecordWeeks = Wellbeing.WellbeingReader.RecentWeeks;

    /// <summary>Every child living with the carer's household now, each with its next sessions.</summary>
    public async Task<IReadOnlyList<CarerChild>> ForHouseholdAsync(Actor actor, int perChild, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Scope.Is(Roles.Carer) || actor.Scope.CarerHouseholdId is not { } household)
        {
            return [];
        }
        // The read and its audit entries in one transaction: one entry for each child shown, none when none is.
        return await audit.ViewAsync(actor.UserId, actor.UserName, async c =>
            {
                var ids = await db.Placements.AsNoTracking().Where(p => p.EndDate == null && p.CarerHouseholdId == household)
                    .Select(p => p.ChildId).ToListAsync(c);
                return await ReadAsync(ids, perChild, c);
            },
            children => children.Select(x => new AuditNote(AuditAction.View, AuditRecord.CarerFamilyTime, x.ChildId, x.ChildId)).ToList(), ct);
    }

    /// <summary>One child, reached through the door as a carer of their home.</summary>
    public async Task<CarerChild?> ForChildAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!child.Can(ChildOperation.ViewAsCarer))
        {
            return null;
        }
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        var read = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.CarerFamilyTime, child.ChildId, child.ChildId),
            c => ReadAsync([child.ChildId], OnChildPage, c), ct);
        return read.FirstOrDefault();
    }

    private async Task<List<CarerChild>> ReadAsync(IReadOnlyCollection<Guid> ids, int perChild, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var today = clock.Today();
        var since = today.AddDays(-7 * RecordWeeks);
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.PreferredName, c.LastName, c.FamilyTimeName, SocialWorker = db.Users.Where(u => u.Id == c.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        // Face-to-face sessions from eight weeks back (to record) to the future (what's next), in one read.
        var sessions = await (
            from s in db.Sessions.AsNoTracking()
            where ids.Contains(s.ChildId) && s.Date >= since
            join a in db.Arrangements on s.ArrangementId equals a.Id into arr
            from a in arr.DefaultIfEmpty()
            join v in db.Venues on s.VenueId equals v.Id into ven
            from v in ven.DefaultIfEmpty()
            join r in db.Rooms on s.RoomId equals r.Id into rooms
            from r in rooms.DefaultIfEmpty()
            join u in db.Users on s.SupervisorId equals u.Id into sup
            from u in sup.DefaultIfEmpty()
            select new
            {
                s.Id, s.ChildId, s.Date, s.StartTime, s.DurationMinutes, s.Status,
                s.ConfirmedAt, s.UnconfirmedAt, s.RunningLateMinutes,
                ConfirmationRequired = a != null && a.ConfirmationRequired,
                PersonIds = a == null ? null : a.PersonIds,
                Transport = a == null ? null : a.Transport,
                Place = a == null ? (FamilyTimePlace?)null : a.Place,
                PlaceDescription = a == null ? null : a.PlaceDescription,
                SupervisedBy = a == null ? (SupervisedBy?)null : a.SupervisedBy,
                SupervisorName = a == null ? null : a.SupervisorName,
                Type = a == null ? (ArrangementType?)null : a.Type,
                Venue = v == null ? null : v.Name,
                Room = r == null ? null : r.Name,
                Worker = u == null ? null : u.DisplayName,
            }).ToListAsync(ct);
        var people = await db.SignificantPeople.AsNoTracking().Where(p => ids.Contains(p.ChildId)).Select(p => new { p.Id, p.FullName })
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var rated = await db.CarerObservations.AsNoTracking().Where(o => ids.Contains(o.ChildId))
            .Select(o => new { o.SessionId, o.Moment }).ToListAsync(ct);
        string With(List<Guid>? personIds) => personIds is { Count: > 0 } p && p.Where(people.ContainsKey).ToList() is { Count: > 0 } known
            ? string.Join(" and ", known.Select(id => people[id]))
            : "Not set";

        return children.Select(c =>
        {
            var mine = sessions.Where(s => s.ChildId == c.Id).ToList();
            // A session the plan withdrew was never due: it is not what's next.
            var next = mine.Where(s => s.Date >= today && s.Status != SessionStatus.PlanChanged)
                .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
                .Take(perChild)
                .Select(s => new NextSession(s.Id, s.ChildId, s.Date, s.StartTime, s.StartTime.AddMinutes(s.DurationMinutes),
                    Where(s.Place, s.PlaceDescription, s.Venue, s.Room),
                    With(s.PersonIds),
                    Supervisor(s.Type, s.SupervisedBy, s.SupervisorName, s.Worker),
                    s.Transport, s.Status,
                    ConfirmationWords(s.Status, ConfirmationRules.StateOf(s.ConfirmedAt, s.UnconfirmedAt, s.ConfirmationRequired), s.RunningLateMinutes)))
                .ToList();
            var toRecord = mine.Where(s => s.Date <= today && FamilyTimeSession.IsHeld(s.Status))
                .Select(s => new SessionToRecord(s.Id, s.Date, s.StartTime, With(s.PersonIds),
                    rated.Any(o => o.SessionId == s.Id && o.Moment == Domain.Wellbeing.ObservationMoment.Before),
                    rated.Any(o => o.SessionId == s.Id && o.Moment == Domain.Wellbeing.ObservationMoment.After)))
                .Where(s => !(s.BeforeRecorded && s.AfterRecorded))
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime)
                .ToList();
            return new CarerChild(c.Id, $"{c.PreferredName ?? c.FirstName} {c.LastName}", c.FamilyTimeName, c.SocialWorker, next, toRecord);
        }).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// What the carer needs to know before setting off: whether the family confirmed, and if they are running late.
    /// Only for a session still planned; a cancelled one already says so.
    /// </summary>
    public static string? ConfirmationWords(SessionStatus status, ConfirmationState state, int? lateMinutes)
    {
        if (status != SessionStatus.Planned)
        {
            return null;
        }
        var confirmation = state switch
        {
            ConfirmationState.Confirmed => "Confirmed by the family",
            ConfirmationState.Reinstated => "Confirmed late by the family: it is on again",
            ConfirmationState.Unconfirmed => "Not confirmed: do not set off",
            ConfirmationState.Awaiting => "Waiting for the family to confirm",
            _ => null,
        };
        var late = lateMinutes is { } m ? $"Running {m} minutes late" : null;
        return confirmation is null ? late : late is null ? confirmation : $"{confirmation}. {late}";
    }

    /// <summary>Where, in the carer's words: they know their own home, so it is "your home", never an address.</summary>
    private static string Where(FamilyTimePlace? place, string? description, string? venue, string? room) => place switch
    {
        FamilyTimePlace.CarersHome => "Your home",
        // Never the description: staff may have written the birth family's address there, which carers must not read.
        FamilyTimePlace.FamilyHome => "The family's home",
        FamilyTimePlace.Community => description ?? "Out in the community",
        _ when venue is not null => room is null ? venue : $"{venue}, {room}",
        _ => "Not set yet: the social worker will say",
    };

    private static string? Supervisor(ArrangementType? type, SupervisedBy? by, string? named, string? worker) =>
        type == ArrangementType.Unsupervised ? null
        : by switch
        {
            SupervisedBy.Carer => named is null ? "You (as the child's carer)" : $"{named} (carer)",
            SupervisedBy.FamilyMember => named,
            _ => worker ?? "A contact worker, to be confirmed",
        };
}
