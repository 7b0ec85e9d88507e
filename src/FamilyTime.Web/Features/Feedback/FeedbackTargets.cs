using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Venues;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>The session feedback is about, as much as anyone who reaches the child may see (never the child's home).</summary>
public sealed record SessionTarget(Guid SessionId, Guid ChildId, string ChildName, string ChildsWord, DateOnly Date, TimeOnly StartTime, Guid? VenueId, string? VenueName);

/// <summary>The venue feedback is about.</summary>
public sealed record VenueTarget(Guid VenueId, string Name, Guid AreaId);

/// <summary>
/// What a user may give feedback on. A session: anyone who reaches the child, a parent included. A venue: any member
/// of staff, and a carer or parent where a child in their life has family time. Anything else is "not found", so
/// its existence is not revealed.
/// </summary>
public sealed class FeedbackTargets(FamilyTimeDbContext db, ChildAccessPolicy access, ChildContextLoader children)
{
    /// <summary>
    /// The session, when the user may give feedback on its child's family time. Its child is loaded through the
    /// <see cref="ChildContextLoader"/> (already loaded when the route names the child) and asked the table.
    /// </summary>
    public async Task<SessionTarget?> SessionAsync(Actor actor, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.Id, s.ChildId, s.Date, s.StartTime, s.VenueId, VenueName = db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (session is null || await children.LoadAsync(actor, session.ChildId, ct) is not { } child || !child.Can(ChildOperation.GiveFeedback))
        {
            return null;
        }
        return new SessionTarget(session.Id, child.ChildId, child.PreferredName ?? child.FirstName, child.FamilyTimeName,
            session.Date, session.StartTime, session.VenueId, session.VenueName);
    }

    public async Task<VenueTarget?> VenueAsync(UserScope user, Guid venueId, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking()
            .Where(v => v.Id == venueId)
            .Select(v => new VenueTarget(v.Id, v.Name, v.AreaId))
            .FirstOrDefaultAsync(ct);
        if (venue is null || user.IsStaff)
        {
            return venue;
        }
        var children = access.Reachable(user, ChildOperation.GiveFeedback).Select(c => c.Id);
        var hasFamilyTimeThere = await db.Sessions.AnyAsync(s => s.VenueId == venueId && children.Contains(s.ChildId), ct);
        return hasFamilyTimeThere ? venue : null;
    }
}
