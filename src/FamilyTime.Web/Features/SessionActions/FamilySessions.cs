using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>One session of the family member's own family time, with what its arrangement says about confirming.</summary>
public sealed record FamilySession(FamilyTimeSession Session, Arrangement Arrangement, string PersonName, string? PersonEmail)
{
    public ConfirmationState Confirmation => Session.ConfirmationOf(Arrangement.ConfirmationRequired);
}

/// <summary>
/// Finds a session a family member may act on: a session of the child in the route, of an arrangement that includes
/// the person on the child's record linked to their account. Anything else is "not found", so a parent learns
/// nothing of sessions that are not theirs (another parent's, a one-off session, another child's).
/// </summary>
public sealed class FamilySessions(FamilyTimeDbContext db, TimeProvider clock)
{
    public async Task<FamilySession?> FindAsync(ChildContext child, Guid sessionId, bool track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!child.InReach || !child.Can(ChildOperation.ViewOwnFamilyTime))
        {
            return null;
        }
        var sessions = track ? db.Sessions : db.Sessions.AsNoTracking();
        var session = await sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.ChildId == child.ChildId, ct);
        if (session?.ArrangementId is not { } arrangementId)
        {
            return null;
        }
        var arrangement = await db.Arrangements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == arrangementId, ct);
        if (arrangement is null)
        {
            return null;
        }
        var userId = child.Actor.UserId;
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == child.ChildId && p.PortalUserId == userId)
            .Select(p => new { p.Id, p.FullName, p.Email }).ToListAsync(ct);
        var me = people.FirstOrDefault(p => arrangement.PersonIds.Contains(p.Id));
        return me is null ? null : new FamilySession(session, arrangement, me.FullName, me.Email);
    }

    /// <summary>Now, as the session rules compare it: UTC to store, England's local time to compare with a session's start.</summary>
    public Moment Now()
    {
        var utc = clock.GetUtcNow().UtcDateTime;
        return new Moment(utc, LondonTime.ToLondon(utc));
    }

    public static Moment NowOf(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var utc = clock.GetUtcNow().UtcDateTime;
        return new Moment(utc, LondonTime.ToLondon(utc));
    }
}
