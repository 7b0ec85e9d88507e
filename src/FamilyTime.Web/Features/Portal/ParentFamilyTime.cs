using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Privacy;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Records;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal;

/// <summary>
/// One session as a parent reads it: when, where (a venue's name and address, or "the carer's home", never the
/// child's home), who is with them by first name, and what became of it in kind words.
/// </summary>
public sealed record FamilySession(
    Guid Id,
    Guid ChildId,
    string ChildName,
    DateOnly Date,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string? Place,
    string? Address,
    string? SupervisedBy,
    SessionStatus Status,
    string? Outcome,
    bool Cancelled,
    string Link,
    string? Confirmation = null);

/// <summary>A child on the parent's front page, with their next family time.</summary>
/// <remarks>What the child calls family time is not here: it is free text, shown on the child's page through the guard.</remarks>
public sealed record FamilyChild(Guid ChildId, string Name, FamilySession? Next);

/// <summary>The parent's front page: the next family time across their children, each child's, and how many notes are new.</summary>
public sealed record FamilyFront(FamilySession? Next, IReadOnlyList<FamilyChild> Children, int NewNotes);

/// <summary>The letter a parent can read: the latest version kept of their own letter about one arrangement.</summary>
public sealed record FamilyLetterLink(Guid DocumentId, int Number, DateOnly? SentOn, string Link);

/// <summary>
/// One arrangement the parent is in, as the written agreement says it: its kind, when and where, why it is
/// supervised and what would need to change, the terms, and their latest letter. Staff words pass the family guard.
/// </summary>
public sealed record FamilyAgreement(
    Guid ArrangementId,
    string Kind,
    string WhatItMeans,
    string? When,
    string? Where,
    string? WhySupervised,
    string? WhatWouldChange,
    DateOnly? LookAgainBy,
    AgreementTerms Terms,
    DateOnly NextReviewOn,
    FamilyLetterLink? Letter);

/// <summary>Who the parent can talk to: the child's social worker and the service.</summary>
public sealed record FamilyContacts(string SocialWorker, string? SocialWorkerPhone, string? SocialWorkerEmail, string Service, string? Phone, string? Email, string? Address);

/// <summary>A child's family time as their parent sees it: upcoming and past sessions, the agreement, who to contact.</summary>
public sealed record FamilyChildView(
    Guid ChildId,
    string Name,
    string FamilyTimeName,
    DateOnly UpcomingUntil,
    int UpcomingWeeks,
    IReadOnlyList<FamilySession> Upcoming,
    DateOnly PastFrom,
    int PastWeeks,
    IReadOnlyList<FamilySession> Past,
    IReadOnlyList<FamilyAgreement> Agreements,
    FamilyContacts Contacts);

/// <summary>
/// The parent's (or family member's) own family time, read for the portal pages and the portal API alike: only the
/// sessions of arrangements one of their own people (<c>SignificantPerson.PortalUserId</c>) is in, never the child's
/// home, carers, school or other children. Nothing about the carers is selected in the first place; words written
/// by staff pass the family guard.
/// </summary>
public sealed class ParentFamilyTime(FamilyTimeDbContext db, FamilyOutputGuard guard, AuditedSave audit, IConfiguration config, TimeProvider clock, ParentRecords records)
{
    /// <summary>How far ahead a child's page looks first, and how much further each "later" step goes.</summary>
    public const int WeeksAhead = 8;

    /// <summary>How far back a child's page looks first, and each "earlier" step.</summary>
    public const int WeeksBack = 12;

    /// <summary>The plan's sessions reach 12 months ahead; history as far back as two years on the page.</summary>
    public const int MostWeeksAhead = 53;
    public const int MostWeeksBack = 104;

    /// <summary>
    /// The front page: each child's next family time, and the soonest across them. A child with nothing planned in
    /// the next <see cref="WeeksAhead"/> weeks is looked up further on its own.
    /// </summary>
    public async Task<FamilyFront> FrontAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mine = await MineAsync(actor.UserId, ct);
        if (mine.Count == 0)
        {
            return new FamilyFront(null, [], await records.NewCountAsync(actor.UserId, ct));
        }
        var childIds = mine.Select(m => m.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.PreferredName ?? c.FirstName })
            .ToListAsync(ct);
        var arrangements = await ArrangementsAsync(childIds, mine, ct);
        var today = clock.Today();
        var planned = await SessionsAsync(arrangements, today, today.AddDays(7 * WeeksAhead), onlyPlanned: true, ct);
        var front = new List<FamilyChild>();
        foreach (var child in children.OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            var next = planned.FirstOrDefault(s => s.ChildId == child.Id && IsStillToCome(s));
            if (next is null && arrangements.Values.Any(a => a.ChildId == child.Id && a.EndedOn == null))
            {
                // Monthly family time, or a gap: the soonest planned, however far.
                var later = await SessionsAsync(arrangements.Values.Where(a => a.ChildId == child.Id).ToDictionary(a => a.Id),
                    today.AddDays(7 * WeeksAhead + 1), today.AddDays(7 * MostWeeksAhead), onlyPlanned: true, ct, take: 1);
                next = later.FirstOrDefault();
            }
            front.Add(new FamilyChild(child.Id, child.Name,
                next is null ? null : await ShapeAsync(next, child.Name, arrangements, ct)));
        }
        var soonest = front.Select(c => c.Next).OfType<FamilySession>().OrderBy(s => s.Date).ThenBy(s => s.StartTime).FirstOrDefault();
        return new FamilyFront(soonest, front, await records.NewCountAsync(actor.UserId, ct));
    }

    /// <summary>One child's family time for their parent: sessions in the two windows, the agreement, the contacts. Audited as a view.</summary>
    public Task<FamilyChildView> ChildAsync(ChildContext child, int? weeksAhead, int? weeksBack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        return audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Child, child.ChildId, child.ChildId),
            c => LoadChildAsync(child, weeksAhead, weeksBack, c), ct);
    }

    private async Task<FamilyChildView> LoadChildAsync(ChildContext child, int? weeksAhead, int? weeksBack, CancellationToken ct)
    {
        var ahead = Math.Clamp(weeksAhead ?? WeeksAhead, 1, MostWeeksAhead);
        var back = Math.Clamp(weeksBack ?? WeeksBack, 1, MostWeeksBack);
        var name = child.PreferredName ?? child.FirstName;
        var home = await guard.ForChildAsync(child.ChildId, ct);
        var mine = await MineAsync(child.Actor.UserId, ct);
        var arrangements = await ArrangementsAsync([child.ChildId], mine, ct);
        var today = clock.Today();
        var (from, until) = (today.AddDays(-7 * back), today.AddDays(7 * ahead));
        var sessions = await SessionsAsync(arrangements, from, until, onlyPlanned: false, ct);
        var shaped = new List<FamilySession>();
        foreach (var s in sessions)
        {
            shaped.Add(await ShapeAsync(s, name, arrangements, ct));
        }
        var myPeople = mine.Select(m => m.PersonId).ToList();
        var arrangementIds = arrangements.Keys.ToList();
        var letters = await db.PlanDocuments.AsNoTracking()
            .Where(d => d.ChildId == child.ChildId && arrangementIds.Contains(d.ArrangementId) && myPeople.Contains(d.PersonId))
            .Select(d => new { d.Id, d.ArrangementId, d.Number, d.SentOn, d.CreatedAt })
            .ToListAsync(ct);
        var agreements = arrangements.Values.Where(a => a.EndedOn == null).OrderBy(a => a.Type).Select(a =>
        {
            var letter = letters.Where(l => l.ArrangementId == a.Id).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Number).FirstOrDefault();
            return new FamilyAgreement(a.Id, $"{PlanWords.Describe(a.Type)} family time{(a.Form == FamilyTimeForm.FaceToFace ? "" : $" by {PlanWords.Describe(a.Form).ToLowerInvariant()}")}",
                PlanWords.Explain(a.Type), a.Schedule,
                a.Form == FamilyTimeForm.FaceToFace ? home.Redact(ArrangementWords.PlaceForFamily(a.Place, a.PlaceDescription)) ?? a.VenueName : null,
                home.Redact(a.ReasonForSupervision), home.Redact(a.RouteToLessSupervision), a.RouteToLessSupervisionBy,
                new AgreementTerms(home.Redact(a.Food), home.Redact(a.Gifts), home.Redact(a.Activities), home.Redact(a.WhoParents), home.Redact(a.WhatEndsSession)),
                a.NextReviewOn,
                letter is null ? null : new FamilyLetterLink(letter.Id, letter.Number, letter.SentOn, PortalLinks.Letter(child.ChildId, letter.Id)));
        }).ToList();
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == child.SocialWorkerId)
            .Select(u => new { u.DisplayName, u.PhoneNumber, u.Email }).FirstOrDefaultAsync(ct);
        return new FamilyChildView(child.ChildId, name, home.Redact(child.FamilyTimeName)!,
            until, ahead, shaped.Where(s => s.Date >= today).ToList(),
            from, back, shaped.Where(s => s.Date < today).OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime).ToList(),
            agreements, Contacts(worker?.DisplayName, worker?.PhoneNumber, worker?.Email));
    }

    /// <summary>The service's and the social worker's contact details, as the letters give them.</summary>
    private FamilyContacts Contacts(string? worker, string? phone, string? email) =>
        new(worker ?? "Your social worker", Domain.Common.Text.Clean(phone), Domain.Common.Text.Clean(email),
            config["Council:Name"] ?? "Children's services",
            Domain.Common.Text.Clean(config["Council:Phone"]), Domain.Common.Text.Clean(config["Council:Email"]), Domain.Common.Text.Clean(config["Council:Address"]));

    /// <summary>Still to come or under way now, by the London clock.</summary>
    private bool IsStillToCome(SessionRow s)
    {
        var now = LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime);
        var today = DateOnly.FromDateTime(now);
        return s.Date > today || (s.Date == today && s.StartTime.AddMinutes(s.DurationMinutes) > TimeOnly.FromDateTime(now));
    }

    private async Task<FamilySession> ShapeAsync(SessionRow s, string childName, IReadOnlyDictionary<Guid, ArrangementRow> arrangements, CancellationToken ct)
    {
        var a = arrangements[s.ArrangementId];
        string? place;
        string? address = null;
        if (s.Venue is { } venue)
        {
            (place, address) = (venue, s.VenueAddress);
        }
        else if (a.Form != FamilyTimeForm.FaceToFace)
        {
            place = PlanWords.Describe(a.Form);
        }
        else
        {
            // A place in words (a park, a café) is written by staff: it passes the guard. The carer's home is only ever called that.
            place = a.Place == FamilyTimePlace.Community ? (await guard.ForChildAsync(s.ChildId, ct)).Redact(a.PlaceDescription) : ArrangementWords.PlaceForFamily(a.Place, a.PlaceDescription);
        }
        var supervisor = a.SupervisedBy == SupervisedBy.FamilyMember ? a.SupervisorName : s.Supervisor;
        if (a.SupervisedBy == SupervisedBy.FamilyMember && (await guard.ForChildAsync(s.ChildId, ct)).Find(supervisor).Count > 0)
        {
            // A family member the guard knows as someone in the child's home is not named.
            supervisor = null;
        }
        var past = s.Date < clock.Today();
        return new FamilySession(s.Id, s.ChildId, childName, s.Date, s.StartTime, s.StartTime.AddMinutes(s.DurationMinutes), place, address,
            FamilySessionWords.SupervisedBy(a.Type, a.SupervisedBy, supervisor), s.Status,
            FamilySessionWords.Outcome(s.Status, s.CancellationReason, childName, past), FamilySessionWords.IsCancelled(s.Status),
            ChildLinks.PortalSession(s.ChildId, s.Id),
            past || s.Status != SessionStatus.Planned ? null : ConfirmationWords(s, a));
    }

    /// <summary>
    /// Ringing in, as the parent reads it on the session: confirmed, please confirm by when, or not confirmed (with the
    /// way back: confirming while the session is still ahead puts it on again). Running late, once said, too.
    /// </summary>
    private static string? ConfirmationWords(SessionRow s, ArrangementRow a)
    {
        var deadline = ConfirmationRules.DeadlineOf(s.Date, s.StartTime, a.ConfirmHoursBefore is >= ConfirmationRules.MinHoursBefore and <= ConfirmationRules.MaxHoursBefore ? a.ConfirmHoursBefore : ConfirmationRules.DefaultHoursBefore);
        var state = ConfirmationRules.StateOf(s.ConfirmedAt, s.UnconfirmedAt, a.ConfirmationRequired);
        var words = state switch
        {
            ConfirmationState.Confirmed or ConfirmationState.Reinstated => "You have confirmed you are coming.",
            ConfirmationState.Awaiting => $"Please confirm you are coming by {deadline:dddd d MMMM 'at' HH:mm}.",
            ConfirmationState.Unconfirmed => "This session has not been confirmed, so the carer and the worker have been told not to set off for now. If you are coming, confirm now and we will tell them it is on.",
            _ => null,
        };
        var late = s.RunningLateMinutes is { } m ? $"You told us you are running {m} minutes late." : null;
        return words is null ? late : late is null ? words : $"{words} {late}";
    }

    /// <summary>The reader's own people, on each child's record. One SQL command.</summary>
    private async Task<List<(Guid PersonId, Guid ChildId)>> MineAsync(string userId, CancellationToken ct) =>
        (await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == userId).Select(p => new { p.Id, p.ChildId }).ToListAsync(ct))
        .Select(p => (p.Id, p.ChildId)).ToList();

    /// <summary>
    /// The arrangements of these children that one of the reader's people is in, matched here: a JSON list of ids
    /// inside a nested query needs APPLY, which SQLite lacks. Only what a family may read is selected.
    /// </summary>
    private async Task<Dictionary<Guid, ArrangementRow>> ArrangementsAsync(List<Guid> childIds, List<(Guid PersonId, Guid ChildId)> mine, CancellationToken ct)
    {
        var people = mine.Select(m => m.PersonId).ToHashSet();
        var rows = await db.Arrangements.AsNoTracking().Where(a => childIds.Contains(a.ChildId))
            .Select(a => new
            {
                a.Id, a.ChildId, a.PersonIds, a.Type, a.Form, a.Place, a.PlaceDescription, a.SupervisedBy, a.SupervisorName, a.EndedOn,
                a.ReasonForSupervision, a.RouteToLessSupervision, a.RouteToLessSupervisionBy, a.Food, a.Gifts, a.Activities, a.WhoParents, a.WhatEndsSession,
                a.NextReviewOn, a.Frequency, a.DaysMask, a.FirstDate, a.CustomDates, a.StartTime, a.DurationMinutes,
                a.ConfirmationRequired, a.ConfirmHoursBefore,
                Venue = db.Rooms.Where(r => r.Id == a.RoomId).Join(db.Venues, r => r.VenueId, v => v.Id, (r, v) => v.Name).FirstOrDefault()
                    ?? db.Venues.Where(v => v.Id == a.VenueId).Select(v => v.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(a => a.PersonIds.Any(people.Contains)).ToDictionary(a => a.Id, a => new ArrangementRow(
            a.Id, a.ChildId, a.Type, a.Form, a.Place, a.PlaceDescription, a.SupervisedBy, a.SupervisorName, a.EndedOn,
            a.ReasonForSupervision, a.RouteToLessSupervision, a.RouteToLessSupervisionBy, a.Food, a.Gifts, a.Activities, a.WhoParents, a.WhatEndsSession,
            a.NextReviewOn, a.Venue,
            new ArrangementDetails
            {
                Form = a.Form, Frequency = a.Frequency, FirstDate = a.FirstDate, CustomDates = a.CustomDates, StartTime = a.StartTime, DurationMinutes = a.DurationMinutes,
                Days = Enum.GetValues<DayOfWeek>().Where(d => (a.DaysMask & (1 << (int)d)) != 0).ToHashSet(),
            }.ToSchedule()?.Describe(), a.ConfirmationRequired, a.ConfirmHoursBefore));
    }

    /// <summary>The sessions of these arrangements between two days, in order, with the venue and the supervising worker. One SQL command.</summary>
    private async Task<List<SessionRow>> SessionsAsync(IReadOnlyDictionary<Guid, ArrangementRow> arrangements, DateOnly from, DateOnly to, bool onlyPlanned, CancellationToken ct, int? take = null)
    {
        if (arrangements.Count == 0)
        {
            return [];
        }
        var ids = arrangements.Keys.ToList();
        var query = db.Sessions.AsNoTracking().Where(s => s.ArrangementId != null && ids.Contains(s.ArrangementId.Value) && s.Date >= from && s.Date <= to);
        // A session the plan withdrew was never due: it counts nowhere, and a parent is not shown it.
        query = query.Where(s => s.Status != SessionStatus.PlanChanged);
        if (onlyPlanned)
        {
            query = query.Where(s => s.Status == SessionStatus.Planned);
        }
        query = query.OrderBy(s => s.Date).ThenBy(s => s.StartTime);
        if (take is { } n)
        {
            query = query.Take(n);
        }
        return await query.Select(s => new SessionRow(
                s.Id, s.ChildId, s.ArrangementId!.Value, s.Date, s.StartTime, s.DurationMinutes, s.Status, s.CancellationReason,
                db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault(),
                db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Address + ", " + v.Postcode).FirstOrDefault(),
                // The worker's name, cut to the first name before it leaves this class.
                db.Users.Where(u => u.Id == s.SupervisorId).Select(u => u.DisplayName).FirstOrDefault(),
                s.ConfirmedAt, s.UnconfirmedAt, s.RunningLateMinutes))
            .ToListAsync(ct);
    }

    private sealed record SessionRow(Guid Id, Guid ChildId, Guid ArrangementId, DateOnly Date, TimeOnly StartTime, int DurationMinutes, SessionStatus Status,
        ServiceCancellationReason? CancellationReason, string? Venue, string? VenueAddress, string? Supervisor,
        DateTime? ConfirmedAt, DateTime? UnconfirmedAt, int? RunningLateMinutes);

    private sealed record ArrangementRow(Guid Id, Guid ChildId, ArrangementType Type, FamilyTimeForm Form, FamilyTimePlace Place, string? PlaceDescription,
        SupervisedBy SupervisedBy, string? SupervisorName, DateOnly? EndedOn, string? ReasonForSupervision, string? RouteToLessSupervision, DateOnly? RouteToLessSupervisionBy,
        string? Food, string? Gifts, string? Activities, string? WhoParents, string? WhatEndsSession, DateOnly NextReviewOn, string? VenueName, string? Schedule,
        bool ConfirmationRequired, int ConfirmHoursBefore);
}

/// <summary>The addresses of the parent's own portal pages that are this package's.</summary>
public static class PortalLinks
{
    public static string Letter(Guid childId, Guid documentId) => $"/Portal/Children/{childId}/Letters/{documentId}";
}
