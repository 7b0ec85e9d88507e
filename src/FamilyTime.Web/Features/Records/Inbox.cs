using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

public sealed record InboxItem(Guid ChildId, Guid SessionId, string ChildName, DateOnly Date, string What, DateOnly? Due);

public sealed record InboxView(IReadOnlyList<InboxItem> ToRead, IReadOnlyList<InboxItem> ToShare, IReadOnlyList<InboxItem> NotClosed, IReadOnlyList<Suspensions.SuspensionView> Suspended, IReadOnlyList<InboxTask> Tasks);

/// <summary>
/// A social worker's inbox: records to read and acknowledge, records not yet shared with the family by their
/// deadline, and sessions past their date that nobody has closed off. A team manager sees their team's. Above them,
/// for everyone on the staff, the person's own open tasks.
/// </summary>
public sealed class Inbox(FamilyTimeDbContext db, Suspensions.OpenSuspensions suspensions, InboxTasks tasks, TimeProvider clock)
{
    public async Task<InboxView> ForAsync(UserScope user, CancellationToken ct)
    {
        var today = clock.Today();
        var children = db.Children.Where(c => c.SocialWorkerId == user.UserId || (user.Is(Roles.TeamManager) && c.TeamId == user.TeamId));
        var names = await children.Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = names.Keys.ToList();

        var records = await db.ContactRecords.AsNoTracking().Where(r => ids.Contains(r.ChildId) && (r.Status == RecordStatus.Submitted || r.SharedAt == null))
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.ChildId, r.SessionId, s.Date, r.Status, r.SharedAt, r.ShareBy })
            .ToListAsync(ct);
        var toRead = records.Where(r => r.Status == RecordStatus.Submitted)
            .OrderBy(r => r.Date).Select(r => new InboxItem(r.ChildId, r.SessionId, names[r.ChildId], r.Date, "Record to read and acknowledge", null)).ToList();
        var toShare = records.Where(r => r.SharedAt == null && r.ShareBy < today.AddDays(14))
            .OrderBy(r => r.ShareBy).Select(r => new InboxItem(r.ChildId, r.SessionId, names[r.ChildId], r.Date,
                r.ShareBy < today ? "Overdue: share the observations with the family" : "Share the observations with the family soon", r.ShareBy)).ToList();
        var notClosed = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.ChildId) && s.Status == SessionStatus.Planned && s.Date < today)
            .OrderBy(s => s.Date).Take(200)
            .Select(s => new { s.ChildId, s.Id, s.Date })
            .ToListAsync(ct);
        // Running suspensions with their clocks: at day 7 without a decision they escalate here, to the team manager.
        var suspended = await suspensions.OpenAsync(ids, ct);
        return new InboxView(toRead, toShare,
            notClosed.Select(s => new InboxItem(s.ChildId, s.Id, names[s.ChildId], s.Date, "Overdue: close this session off", s.Date)).ToList(),
            suspended.OrderByDescending(x => x.Day).ToList(),
            await tasks.ForAsync(user.UserId, ct));
    }
}
