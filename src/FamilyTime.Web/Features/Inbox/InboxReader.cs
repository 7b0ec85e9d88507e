using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Inbox;

/// <summary>What kind of work one line of the inbox is (the page marks rows with it).</summary>
public enum InboxWork
{
    Task = 1,
    RecordToWrite = 2,
    RecordToRead = 3,
    ToShare = 4,
    NotClosed = 5,
}

/// <summary>One line of the inbox: what to do, where, by when, how urgent; a task's id when it can be ticked off.</summary>
public sealed record InboxEntry(InboxWork Work, string What, string Link, string LinkText, DateOnly? Due, WorkUrgency Urgency, Guid? TaskId = null, bool ClosesByDecision = false)
{
    public bool Overdue => Urgency.DaysOverdue > 0;
}

/// <summary>One child's part of the inbox: running suspensions with their clocks, then the work, the most urgent first.</summary>
public sealed record InboxChild(Guid? ChildId, string ChildName, IReadOnlyList<Suspensions.SuspensionView> Suspended, IReadOnlyList<InboxEntry> Entries, WorkUrgency Urgency);

public sealed record InboxView(IReadOnlyList<InboxChild> Children)
{
    public bool IsEmpty => Children.Count == 0;
    public int Count => Children.Sum(c => c.Entries.Count + c.Suspended.Count);
}

/// <summary>
/// A person's inbox, grouped by child and the most urgent child first (a suspension on day 5 or later, then by days
/// overdue): their own open tasks; for a contact worker, the sessions they supervised that wait for their record; for
/// a social worker (a team manager: the team's), records to read, records to share by their deadline, sessions past
/// their date not closed off (a supervised one stays overdue until its record is written), and running suspensions.
/// Each part is one query, whatever the number of children.
/// </summary>
public sealed class InboxReader(FamilyTimeDbContext db, ChildAccessPolicy access, Suspensions.OpenSuspensions suspensions, InboxTasks tasks, TimeProvider clock)
{
    /// <summary>The most sessions to close off, or records to write, listed at once: enough to act on, not a page of thousands.</summary>
    private const int MostNotClosed = 200;

    /// <summary>What one row of the combined query is: a record that waits, a session not closed off, a record to write.</summary>
    private const int RecordRow = 0, SessionRow = 1, ToWriteRow = 2;

    public async Task<InboxView> ForAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var today = clock.Today();
        var now = TimeOnly.FromDateTime(Infrastructure.LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime));
        // The children whose records wait for this person: those they close off and share (the table's editors).
        var children = access.Reachable(user, ChildOperation.ShareWithFamily);
        var names = await children.Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = names.Keys.ToList();

        var rows = await WaitingAsync(ids, user.UserId, today, now, ct);
        var entries = new List<(Guid? ChildId, string? Name, InboxEntry Entry)>();
        // A session this person supervised waits for their record; listed once, as theirs to write.
        var toWrite = rows.Where(r => r.Row == ToWriteRow).ToList();
        var mine = toWrite.Select(r => r.SessionId).ToHashSet();
        foreach (var r in toWrite)
        {
            var overdue = r.Date < today;
            entries.Add((r.ChildId, r.ChildName, new InboxEntry(InboxWork.RecordToWrite,
                overdue ? "Overdue: write the record of the session you supervised" : "Write the record of the session you supervised",
                Infrastructure.ChildLinks.WriteRecord(r.ChildId, r.SessionId), $"Session on {r.Date:d MMMM yyyy}", r.Date, WorkUrgency.Of(r.Date, today))));
        }
        foreach (var r in rows.Where(r => r.Row == RecordRow))
        {
            var link = Infrastructure.ChildLinks.Session(r.ChildId, r.SessionId);
            if (r.ToRead)
            {
                entries.Add((r.ChildId, r.ChildName, new InboxEntry(InboxWork.RecordToRead, "Read and acknowledge the record", link, $"Session on {r.Date:d MMMM yyyy}", null, WorkUrgency.Of(null, today))));
            }
            if (!r.Shared && r.Due < today.AddDays(14))
            {
                entries.Add((r.ChildId, r.ChildName, new InboxEntry(InboxWork.ToShare,
                    r.Due < today ? "Overdue: share the observations with the family" : "Share the observations with the family soon", link,
                    $"Session on {r.Date:d MMMM yyyy}", r.Due, WorkUrgency.Of(r.Due, today))));
            }
        }
        foreach (var r in rows.Where(r => r.Row == SessionRow && !mine.Contains(r.SessionId)))
        {
            entries.Add((r.ChildId, r.ChildName, new InboxEntry(InboxWork.NotClosed,
                r.NeedsRecord ? "Overdue: the record of this session is not written yet" : "Overdue: close this session off",
                Infrastructure.ChildLinks.Session(r.ChildId, r.SessionId), $"Session on {r.Date:d MMMM yyyy}", r.Date, WorkUrgency.Of(r.Date, today))));
        }
        foreach (var t in await tasks.ForAsync(user.UserId, ct))
        {
            entries.Add((t.ChildId, t.ChildName, new InboxEntry(InboxWork.Task, t.Title, t.Link, "Open", t.DueOn, t.Urgent ? WorkUrgency.Urgent : WorkUrgency.Of(t.DueOn, today), t.Id, t.ClosesByDecision)));
        }
        // Running suspensions with their clocks: at day 7 without a decision they escalate here, to the team manager.
        var suspended = ids.Count == 0 ? [] : await suspensions.OpenAsync(ids, ct);

        var groups = entries.Select(e => e.ChildId).Concat(suspended.Select(s => (Guid?)s.Suspension.ChildId)).Distinct()
            .Select(childId =>
            {
                var mineHere = entries.Where(e => e.ChildId == childId).ToList();
                var clocks = suspended.Where(s => s.Suspension.ChildId == childId).OrderByDescending(s => s.Day).ToList();
                var work = mineHere.Select(e => e.Entry).OrderBy(e => e.Urgency).ThenBy(e => e.Due).ToList();
                var urgency = work.Select(e => e.Urgency).Concat(clocks.Select(s => WorkUrgency.Of(s.LastDay, today, s.Day))).Min();
                var name = childId is { } id && names.TryGetValue(id, out var n) ? n : mineHere.Select(e => e.Name).FirstOrDefault(x => x is not null) ?? "Not about one child";
                return new InboxChild(childId, name, clocks, work, urgency);
            })
            // The most urgent child first; a tie by name, and work about no child last.
            .OrderBy(g => g.ChildId is null).ThenBy(g => g.Urgency).ThenBy(g => g.ChildName, StringComparer.Ordinal)
            .ToList();
        return new InboxView(groups);
    }

    /// <summary>
    /// One row of the combined query. A record: whether it waits to be read, whether it is shared, the day it must be
    /// shared by. A session not closed off, or one to write the record of: its date is its due day.
    /// </summary>
    private sealed record Waiting(int Row, Guid ChildId, string ChildName, Guid SessionId, DateOnly Date, bool ToRead, bool Shared, DateOnly Due, bool NeedsRecord);

    /// <summary>Records that wait, sessions not closed off and records to write, in one command (a UNION ALL).</summary>
    private async Task<List<Waiting>> WaitingAsync(List<Guid> ids, string userId, DateOnly today, TimeOnly now, CancellationToken ct)
    {
        // Every half projects the same anonymous shape, every column typed and none a bare NULL (PostgreSQL would
        // read that as text), so the database does the union; the rows become records after.
        // The sessions this person supervised that have begun and wait for their record (a contact worker's own work).
        var toWrite = db.Sessions.AsNoTracking()
            .Where(s => s.SupervisorId == userId && s.RecordedAt == null && !db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type == ArrangementType.Unsupervised)
                && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly)
                && (s.Date < today || (s.Date == today && s.StartTime <= now)))
            .OrderBy(s => s.Date).Take(MostNotClosed)
            .Select(s => new
            {
                Row = ToWriteRow, s.ChildId, ChildName = db.Children.Where(c => c.Id == s.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).First(),
                SessionId = s.Id, s.Date, ToRead = false, Shared = true, Due = s.Date, NeedsRecord = true,
            });
        if (ids.Count == 0)
        {
            var own = await toWrite.ToListAsync(ct);
            return own.Select(r => new Waiting(r.Row, r.ChildId, r.ChildName, r.SessionId, r.Date, r.ToRead, r.Shared, r.Due, r.NeedsRecord)).ToList();
        }
        var records = db.ContactRecords.AsNoTracking()
            .Where(r => ids.Contains(r.ChildId) && (r.Status == RecordStatus.Submitted || r.SharedAt == null))
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new
            {
                Row = RecordRow, r.ChildId, ChildName = db.Children.Where(c => c.Id == r.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).First(), r.SessionId, s.Date, ToRead = r.Status == RecordStatus.Submitted, Shared = r.SharedAt != null, Due = r.ShareBy,
                NeedsRecord = true,
            });
        // Past their day and not closed off; and, held before the record rule, supervised sessions without their record.
        var sessions = db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.ChildId) && s.Date < today
                && (s.Status == SessionStatus.Planned
                    || (s.RecordedAt == null && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly) && !db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type == ArrangementType.Unsupervised))))
            .OrderBy(s => s.Date).Take(MostNotClosed)
            .Select(s => new
            {
                Row = SessionRow, s.ChildId, ChildName = db.Children.Where(c => c.Id == s.ChildId).Select(c => (c.PreferredName ?? c.FirstName) + " " + c.LastName).First(), SessionId = s.Id, s.Date, ToRead = false, Shared = true, Due = s.Date,
                NeedsRecord = !db.Arrangements.Any(a => a.Id == s.ArrangementId && a.Type == ArrangementType.Unsupervised),
            });
        var rows = await records.Concat(sessions).Concat(toWrite).ToListAsync(ct);
        return rows.Select(r => new Waiting(r.Row, r.ChildId, r.ChildName, r.SessionId, r.Date, r.ToRead, r.Shared, r.Due, r.NeedsRecord)).ToList();
    }
}
