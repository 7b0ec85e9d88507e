using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>The family's latest request to move the session, as they read it (a refusal's reason has passed the family guard).</summary>
public sealed record RearrangeView(Guid Id, RearrangeStatus Status, DateOnly ProposedDate, TimeOnly ProposedFrom, TimeOnly ProposedTo, int NoticeDays, DateOnly? AgreedDate, TimeOnly? AgreedStart, string? RefusalReason);

/// <summary>
/// One session as the family member reads it: when, where (a venue's name and address, or only "the carer's home"),
/// who supervises by first name (never a carer), and where confirming, running late, cancelling and moving stand.
/// </summary>
public sealed record FamilySessionView(
    Guid ChildId, Guid SessionId, string ChildName, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, string? Where,
    string? SupervisedBy, SessionStatus Status, ConfirmationState Confirmation, bool ConfirmationRequired, DateTime? ConfirmBy,
    DateTime? ConfirmedAt, string? ConfirmedBy, int? RunningLateMinutes, DateTime? RunningLateSaidAt, string? CantComeReason,
    RearrangeView? Rearrangement, bool CanAct, string? CannotActBecause, bool CanSayLate, int Version);

/// <summary>Reads <see cref="FamilySessionView"/> for the portal page and the API, and audits the view.</summary>
public sealed class FamilySessionReader(FamilyTimeDbContext db, FamilySessions sessions, FamilyOutputGuard guard, AuditedSave audit)
{
    public async Task<Outcome<FamilySessionView>> ReadAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<FamilySessionView>(ChildOperation.ViewOwnFamilyTime) is { } refused)
        {
            return refused;
        }
        // The read and its audit entry in one transaction; a session not found is no view, and leaves no entry.
        var view = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, c => LoadAsync(child, sessionId, c),
            v => v is null ? [] : [new AuditNote(AuditAction.View, AuditRecord.Session, v.SessionId, child.ChildId)], ct);
        return view is null ? Outcome<FamilySessionView>.NotFound() : Outcome<FamilySessionView>.Ok(view);
    }

    private async Task<FamilySessionView?> LoadAsync(ChildContext child, Guid sessionId, CancellationToken ct)
    {
        if (await sessions.FindAsync(child, sessionId, track: false, ct) is not { } f)
        {
            return null;
        }
        var (s, a) = (f.Session, f.Arrangement);
        var home = await guard.ForChildAsync(child.ChildId, ct);
        var places = await guard.PublicPlacesAsync(ct);
        string? where = null;
        if (s.VenueId is { } venueId)
        {
            where = await db.Venues.AsNoTracking().Where(v => v.Id == venueId).Select(v => v.Name + ", " + v.Address + ", " + v.Postcode).FirstOrDefaultAsync(ct);
        }
        else if (ArrangementWords.PlaceForFamily(a.Place, a.PlaceDescription) is { } place)
        {
            // A community place is written by staff: it passes the guard like all their words.
            where = home.Redact(place, places);
        }
        var supervisedBy = await SupervisorFirstNameAsync(s, a, ct);
        var latest = await db.RearrangeRequests.AsNoTracking().Where(r => r.SessionId == s.Id && r.RequestedById == child.Actor.UserId)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        var rearrangement = latest is null ? null : new RearrangeView(latest.Id, latest.Status, latest.ProposedDate, latest.ProposedFrom, latest.ProposedTo,
            latest.NoticeDays, latest.AgreedDate, latest.AgreedStart, home.Redact(latest.RefusalReason, places));
        var now = sessions.Now();
        var cannot = s.FamilyActionRefusal(now);
        var canSayLate = s.Status == SessionStatus.Planned && s.StartsAt.AddMinutes(s.DurationMinutes) > now.Local;
        return new FamilySessionView(child.ChildId, s.Id, child.PreferredName ?? child.FirstName, s.Date, s.StartTime, s.EndTime, where, supervisedBy,
            s.Status, f.Confirmation, a.ConfirmationRequired,
            a.ConfirmationRequired ? ConfirmationRules.DeadlineOf(s.Date, s.StartTime, a.ConfirmHoursBefore) : null,
            s.ConfirmedAt, s.ConfirmedByName, s.RunningLateMinutes, s.RunningLateSaidAt,
            // Only the family member who said it reads their own reason back: a worker closing the session as cancelled by
            // the parent writes for the case, and another family member's words are theirs.
            s.Status == SessionStatus.CancelledByParent && s.ClosedById == child.Actor.UserId ? home.Redact(s.OutcomeReason, places) : null, rearrangement, cannot is null, cannot, canSayLate, s.Version);
    }

    /// <summary>A worker by first name; never a carer (by the arrangement or by their account), so a family never learns who the carers are.</summary>
    private async Task<string?> SupervisorFirstNameAsync(FamilyTimeSession s, Arrangement a, CancellationToken ct)
    {
        if (a.Type == ArrangementType.Unsupervised || a.SupervisedBy != SupervisedBy.Worker || s.SupervisorId is not { Length: > 0 } id)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.CarerHouseholdId }).FirstOrDefaultAsync(ct);
        if (user is null || user.CarerHouseholdId is not null || string.IsNullOrWhiteSpace(user.DisplayName))
        {
            return null;
        }
        return user.DisplayName.Trim().Split(' ', 2)[0];
    }
}
