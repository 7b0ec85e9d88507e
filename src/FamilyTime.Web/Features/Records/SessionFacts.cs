using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

/// <summary>One session as the record pages need it, and what the reader may do with it.</summary>
public sealed record SessionFacts(
    FamilyTimeSession Session,
    string ChildName,
    string FamilyTimeName,
    string? ChildFirstName,
    AgeBand AgeBand,
    ArrangementType? Type,
    string With,
    IReadOnlyList<Guid> PersonIds,
    string? Venue,
    string? Supervisor,
    ChildAccess Level,
    bool CanWrite,
    bool CanManage)
{
    /// <summary>Supervised, assessed and facilitated family time produce a record; unsupervised does not.</summary>
    public bool NeedsRecord => Type is not ArrangementType.Unsupervised;
}

/// <summary>
/// Loads a session and decides what the reader may do: the supervisor writes its record, the child's social
/// worker and team manager close it off, acknowledge and share; other case holders read. Out of reach is null.
/// </summary>
public sealed class SessionFactsLoader(FamilyTimeDbContext db, ChildAccessPolicy access, TimeProvider clock)
{
    public async Task<SessionFacts?> LoadAsync(UserScope user, Guid childId, Guid sessionId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(user, childId, ct);
        if (level < ChildAccess.Support)
        {
            return null;
        }
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.ChildId == childId, ct);
        if (session is null)
        {
            return null;
        }
        var supervises = session.SupervisorId == user.UserId;
        // A contact worker reaches only the sessions they run; carers and coordinators see the session, not its record.
        if (level == ChildAccess.Support && !supervises && user.Is(Roles.ContactWorker) && !user.Is(Roles.Carer) && !user.Is(Roles.ContactCoordinator))
        {
            return null;
        }
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.FirstName, c.PreferredName, c.FamilyTimeName, c.DateOfBirth }).FirstAsync(ct);
        var arrangement = session.ArrangementId is { } aid
            ? await db.Arrangements.AsNoTracking().Where(a => a.Id == aid).Select(a => new { a.Type, a.PersonIds }).FirstOrDefaultAsync(ct)
            : null;
        var ids = arrangement?.PersonIds ?? [];
        var names = await db.SignificantPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.FullName).ToListAsync(ct);
        var venue = await db.Venues.Where(v => v.Id == session.VenueId).Select(v => v.Name).FirstOrDefaultAsync(ct);
        var room = await db.Rooms.Where(r => r.Id == session.RoomId).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var supervisor = await db.Users.Where(u => u.Id == session.SupervisorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var today = Infrastructure.LondonTime.Today(clock);
        var age = today.Year - child.DateOfBirth.Year - (child.DateOfBirth.AddYears(today.Year - child.DateOfBirth.Year) > today ? 1 : 0);
        return new SessionFacts(
            session, child.PreferredName ?? child.FirstName, child.FamilyTimeName, child.FirstName, AgeBands.For(age), arrangement?.Type,
            names.Count == 0 ? "One-off session" : string.Join(" and ", names), ids,
            venue is null ? null : $"{venue}{(room is null ? "" : $", {room}")}", supervisor,
            level, supervises || canEdit, canEdit);
    }
}
