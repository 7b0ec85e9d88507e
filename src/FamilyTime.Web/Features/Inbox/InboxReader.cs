using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Inbox;

public sealed record InboxItem(Guid ChildId, Guid SessionId, string ChildName, DateOnly Date, string What, DateOnly? Due);

public sealed record InboxView(IReadOnlyList<InboxItem> ToRead, IReadOnlyList<InboxItem> ToShare, IReadOnlyList<InboxItem> NotClosed, IReadOnlyList<Suspensions.SuspensionView> Suspended, IReadOnlyList<InboxTask> Tasks);

/// <summary>
/// A social worker's inbox: records to read and acknowledge, records not yet shared with the family by their
/// deadline, and sessions past their date that nobody has closed off. A team manager sees their team's. Above them,
/// for everyone on the staff, the person's own open tasks. Each part is one query, whatever the number of children.
/// </summary>
public sealed class InboxReader(FamilyTimeDbContext db, ChildAccessPolicy access, Suspensions.OpenSuspensions suspensions, InboxTasks tasks, TimeProvider clock)
{
    /// <summary>The most sessions to close off listed at once: enough to act on, not a page of thousands.</summary>
    private const int MostNotClosed = 200;

    /// <summary>What one row of the combined query is: a record that waits, or a session not closed off.</summary>
    private const int RecordRow = 0, SessionRow = 1;

    public async Task<InboxView> ForAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var today = clock.Today();
        // The children whose records wait for this person: those they close off and share (the table's editors).
        var children = access.Reachable(user, ChildOperation.ShareWithFamily);
        var names = await children.Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = names.Keys.ToList();

        var rows = ids.Count == 0 ? [] : await WaitingAsync(ids, today, ct);
        var records = rows.Where(r => r.Row == RecordRow).ToList();
        var toRead = records.Where(r => r.ToRead)
            .OrderBy(r => r.Date).Select(r => new InboxItem(r.ChildId, r.SessionId, names[r.ChildId], r.Date, "Record to read and acknowledge", null)).ToList();
        var toShare = records.Where(r => !r.Shared && r.Due < today.AddDays(14))
            .OrderBy(r => r.Due).Select(r => new InboxItem(r.ChildId, r.SessionId, names[r.ChildId], r.Date,
                r.Due < today ? "Overdue: share the observations with the family" : "Share the observations with the family soon", r.Due)).ToList();
        var notClosed = rows.Where(r => r.Row == SessionRow).OrderBy(r => r.Date)
            .Select(s => new InboxItem(s.ChildId, s.SessionId, names[s.ChildId], s.Date, "Overdue: close this session off", s.Date)).ToList();
        // Running suspensions with their clocks: at day 7 without a decision they escalate here, to the team manager.
        var suspended = await suspensions.OpenAsync(ids, ct);
        return new InboxView(toRead, toShare, notClosed, suspended.OrderByDescending(x => x.Day).ToList(), await tasks.ForAsync(user.UserId, ct));
    }

    /// <summary>
    /// One row of the combined query. A record: whether it waits to be read, whether it is shared, the day it must be
    /// shared by. A session not closed off: its date is its due day.
    /// </summary>
    private sealed record Waiting(int Row, Guid ChildId, Guid SessionId, DateOnly Date, bool ToRead, bool Shared, DateOnly Due);

    /// <summary>Records that wait for the social worker and sessions not closed off, in one command (a UNION ALL).</summary>
    private async Task<List<Waiting>> WaitingAsync(List<Guid> ids, DateOnly today, CancellationToken ct)
    {
        // Both halves project the same anonymous shape, every column typed and none a bare NULL (PostgreSQL would
        // read that as text), so the database does the union; the rows become records after.
        var records = db.ContactRecords.AsNoTracking()
            .Where(r => ids.Contains(r.ChildId) && (r.Status == RecordStatus.Submitted || r.SharedAt == null))
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new
            {
                Row = RecordRow, r.ChildId, r.SessionId, s.Date, ToRead = r.Status == RecordStatus.Submitted, Shared = r.SharedAt != null, Due = r.ShareBy,
            });
        var sessions = db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.ChildId) && s.Status == SessionStatus.Planned && s.Date < today)
            .OrderBy(s => s.Date).Take(MostNotClosed)
            .Select(s => new { Row = SessionRow, s.ChildId, SessionId = s.Id, s.Date, ToRead = false, Shared = true, Due = s.Date });
        var rows = await records.Concat(sessions).ToListAsync(ct);
        return rows.Select(r => new Waiting(r.Row, r.ChildId, r.SessionId, r.Date, r.ToRead, r.Shared, r.Due)).ToList();
    }
}
