using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Travel;

/// <summary>One of a parent's own sessions as they may see it: the child by the name they go by, the venue, never the home.</summary>
public sealed record OwnSession(Guid SessionId, Guid ChildId, string ChildName, DateOnly Date, TimeOnly StartTime, int DurationMinutes,
    SessionStatus Status, string? VenueName);

/// <summary>
/// The sessions of a parent or family member: those of the arrangements that name the person their portal account
/// is linked to. Another parent's sessions, even of the same child, are not theirs.
/// </summary>
public sealed class OwnSessions(FamilyTimeDbContext db)
{
    public async Task<IReadOnlyList<OwnSession>> ListAsync(UserScope user, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        await QueryAsync(user, null, from, to, ct);

    public async Task<OwnSession?> OneAsync(UserScope user, Guid sessionId, CancellationToken ct) =>
        await QueryAsync(user, sessionId, null, null, ct) is [var one, ..] ? one : null;

    private async Task<IReadOnlyList<OwnSession>> QueryAsync(UserScope user, Guid? sessionId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.Is(Roles.Parent))
        {
            return [];
        }
        var uid = user.UserId;
        var mine = await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == uid).Select(p => new { p.Id, p.ChildId }).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return [];
        }
        var childIds = mine.Select(p => p.ChildId).Distinct().ToList();
        var personIds = mine.Select(p => p.Id).ToHashSet();
        // The people of an arrangement are a list in one column: matched here, as SQLite cannot look inside it.
        var arrangements = (await db.Arrangements.AsNoTracking().Where(a => childIds.Contains(a.ChildId)).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct))
            .Where(a => a.PersonIds.Any(personIds.Contains)).Select(a => (Guid?)a.Id).ToList();
        if (arrangements.Count == 0)
        {
            return [];
        }
        var query = db.Sessions.AsNoTracking().Where(s => arrangements.Contains(s.ArrangementId));
        if (sessionId is { } id)
        {
            query = query.Where(s => s.Id == id);
        }
        if (from is { } f)
        {
            query = query.Where(s => s.Date >= f);
        }
        if (to is { } t)
        {
            query = query.Where(s => s.Date <= t);
        }
        return await query
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
            .Select(s => new OwnSession(s.Id, s.ChildId,
                db.Children.Where(c => c.Id == s.ChildId).Select(c => c.PreferredName ?? c.FirstName).First(),
                s.Date, s.StartTime, s.DurationMinutes, s.Status,
                db.Venues.Where(v => v.Id == s.VenueId).Select(v => v.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
