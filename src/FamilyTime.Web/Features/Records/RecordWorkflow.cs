using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

public sealed record RecordPage(SessionFacts Facts, ContactRecord? Record, IReadOnlyList<ParentReply> Replies);

/// <summary>
/// Writing, correcting, acknowledging and sharing a session's record, and closing sessions off. A record is
/// never edited in place; each change is audited with the session's child.
/// </summary>
public sealed class RecordWorkflow(FamilyTimeDbContext db, SessionFactsLoader facts, AuditedSave audit, IConfiguration config, TimeProvider clock)
{
    private int ShareWithinMonths => config.GetValue("Records:ShareWithinMonths", 3);

    public async Task<Outcome<RecordPage>> ReadAsync(Actor actor, Guid childId, Guid sessionId, CancellationToken ct)
    {
        var f = await facts.LoadAsync(actor.Scope, childId, sessionId, ct);
        if (f is null)
        {
            return Outcome<RecordPage>.NotFound();
        }
        var record = await LoadRecordAsync(sessionId, ct);
        if (record is not null && f.Level < ChildAccess.Case && !f.CanWrite)
        {
            // Carers and coordinators see that a session happened, not what was observed.
            record = null;
        }
        var replies = record is null ? [] : await db.ParentReplies.AsNoTracking().Where(r => r.RecordId == record.Id).OrderBy(r => r.At).ToListAsync(ct);
        await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.View, AuditRecord.Session, sessionId, childId), ct);
        return Outcome<RecordPage>.Ok(new RecordPage(f, record, replies));
    }

    public async Task<Outcome<Guid>> SubmitAsync(Actor actor, Guid childId, Guid sessionId, RecordContent content, CancellationToken ct)
    {
        var f = await facts.LoadAsync(actor.Scope, childId, sessionId, ct);
        if (f is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!f.CanWrite)
        {
            return Outcome<Guid>.Forbidden("The record is written by the session's supervisor, or the child's social worker.");
        }
        if (!f.NeedsRecord)
        {
            return Outcome<Guid>.Invalid("", "Unsupervised family time has no session record: the carer checks with the child before and after.");
        }
        if (f.Session.Date > clock.Today())
        {
            return Outcome<Guid>.Invalid("", $"This session is on {f.Session.Date:d MMMM yyyy}: it can be recorded from that day.");
        }
        if (await db.ContactRecords.AnyAsync(r => r.SessionId == sessionId, ct))
        {
            return Outcome<Guid>.Invalid("", "This session already has a record. To change it, add a correction: the first version stays readable.");
        }
        var socialWorker = await db.Children.Where(c => c.Id == childId).Select(c => c.SocialWorkerId).FirstAsync(ct);
        var (record, errors) = ContactRecord.Submit(sessionId, childId, socialWorker, f.Type == ArrangementType.Assessed, content,
            f.Session.Date.AddMonths(ShareWithinMonths), Sign(actor));
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.ContactRecords.Add(record!);
        f.Session.MarkRecorded(clock.GetUtcNow().UtcDateTime, content.EndedEarly ? SessionStatus.EndedEarly : SessionStatus.TookPlace);
        return await SaveAsync(actor, new AuditNote(AuditAction.Create, AuditRecord.ContactRecord, record!.Id, childId,
            JsonSerializer.Serialize(new { Version = 1, content.EndedEarly })), record.Id, ct);
    }

    public async Task<Outcome<Guid>> CorrectAsync(Actor actor, Guid childId, Guid sessionId, RecordContent content, string? reason, int version, CancellationToken ct)
    {
        var f = await facts.LoadAsync(actor.Scope, childId, sessionId, ct);
        if (f is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!f.CanWrite)
        {
            return Outcome<Guid>.Forbidden("Corrections are made by the session's supervisor, or the child's social worker.");
        }
        var record = await db.ContactRecords.Include(r => r.Versions).FirstOrDefaultAsync(r => r.SessionId == sessionId, ct);
        if (record is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (record.Version != version)
        {
            return Outcome<Guid>.Conflict();
        }
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        // A correction adds a version beside the record; marking the record changed moves its version on, so
        // a second correction made from the same starting point is refused instead of silently stacking.
        db.Entry(record).Property(r => r.Version).IsModified = true;
        var errors = record.Correct(content, reason, f.Type == ArrangementType.Assessed, Sign(actor));
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (content.EndedEarly != (f.Session.Status == SessionStatus.EndedEarly))
        {
            f.Session.MarkRecorded(clock.GetUtcNow().UtcDateTime, content.EndedEarly ? SessionStatus.EndedEarly : SessionStatus.TookPlace);
        }
        return await SaveAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ContactRecord, record.Id, childId,
            JsonSerializer.Serialize(new { Version = record.Current.Number, Reason = reason?.Trim() })), record.Id, ct);
    }

    public Task<Outcome<Guid>> AcknowledgeAsync(Actor actor, Guid childId, Guid sessionId, CancellationToken ct) =>
        ManageAsync(actor, childId, sessionId, "acknowledge records", r => r.Acknowledge(actor.UserId, clock.GetUtcNow().UtcDateTime), "Acknowledged", ct);

    public Task<Outcome<Guid>> ShareAsync(Actor actor, Guid childId, Guid sessionId, CancellationToken ct) =>
        ManageAsync(actor, childId, sessionId, "share records with the family", r => r.Share(clock.GetUtcNow().UtcDateTime), "Shared", ct);

    /// <summary>Closes a session off with what became of it (a cancellation, a no-show, a decline…).</summary>
    public async Task<Outcome<Guid>> CloseAsync(Actor actor, Guid childId, Guid sessionId, SessionStatus? outcome, string? reason, CancellationToken ct)
    {
        var f = await facts.LoadAsync(actor.Scope, childId, sessionId, ct);
        if (f is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!f.CanManage)
        {
            return Outcome<Guid>.Forbidden("Sessions are closed off by the child's social worker or their team manager.");
        }
        var errors = f.Session.Close(outcome, reason, actor.UserId, clock.GetUtcNow().UtcDateTime, clock.Today());
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        return await SaveAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.Session, sessionId, childId, AuditedSave.ChangesOf(db.Entry(f.Session))), sessionId, ct);
    }

    private async Task<Outcome<Guid>> ManageAsync(Actor actor, Guid childId, Guid sessionId, string what, Action<ContactRecord> change, string label, CancellationToken ct)
    {
        var f = await facts.LoadAsync(actor.Scope, childId, sessionId, ct);
        if (f is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!f.CanManage)
        {
            return Outcome<Guid>.Forbidden($"Only the child's social worker or their team manager can {what}.");
        }
        var record = await db.ContactRecords.FirstOrDefaultAsync(r => r.SessionId == sessionId, ct);
        if (record is null)
        {
            return Outcome<Guid>.NotFound();
        }
        change(record);
        return await SaveAsync(actor, new AuditNote(AuditAction.Update, AuditRecord.ContactRecord, record.Id, childId, JsonSerializer.Serialize(new { Action = label })), record.Id, ct);
    }

    private Task<ContactRecord?> LoadRecordAsync(Guid sessionId, CancellationToken ct) =>
        db.ContactRecords.AsNoTracking().Include(r => r.Versions).FirstOrDefaultAsync(r => r.SessionId == sessionId, ct);

    private async Task<Outcome<Guid>> SaveAsync(Actor actor, AuditNote note, Guid id, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, note, ct);
            return Outcome<Guid>.Ok(id);
        }
        catch (DbUpdateException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    private Signature Sign(Actor actor) => new(actor.UserId, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
}
