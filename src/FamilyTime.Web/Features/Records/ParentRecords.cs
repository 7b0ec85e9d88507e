using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Records;

public sealed record SharedRecordSummary(Guid RecordId, DateOnly Date, string ChildName, bool Viewed);

/// <summary>What a parent is shown of a record: the observations only, with everyone else's details taken out.</summary>
public sealed record SharedRecordView(
    Guid RecordId,
    DateOnly Date,
    string ChildName,
    int VersionNumber,
    string? WrittenBy,
    IReadOnlyList<string> Observations,
    string? Interaction,
    string? Positives,
    string? Concerns,
    string? ChildsWords,
    bool EndedEarly,
    string? EndedEarlyReason,
    DateTime FirstViewedAt,
    IReadOnlyList<ParentReply> Replies);

/// <summary>
/// The parent's side of shared records: only records of sessions with them, only once shared, observations
/// only (never the worker's analysis), third parties taken out. The first opening is stamped; replies sit beside.
/// </summary>
public sealed class ParentRecords(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock)
{
    /// <summary>
    /// The shared records of sessions with one of the parent's own people (those whose portal account is theirs),
    /// newest first, chosen by the database.
    /// </summary>
    public async Task<IReadOnlyList<SharedRecordSummary>> ListAsync(string parentUserId, CancellationToken ct)
    {
        var mine = db.SignificantPeople.Where(p => p.PortalUserId == parentUserId).Select(p => p.Id);
        return await db.ContactRecords.AsNoTracking().Where(r => r.SharedAt != null)
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.Id, s.Date, s.ChildId, s.ArrangementId, r.ParentFirstViewedAt })
            .Where(x => db.Arrangements.Any(a => a.Id == x.ArrangementId && a.PersonIds.Any(id => mine.Contains(id))))
            .OrderByDescending(x => x.Date)
            .Select(x => new SharedRecordSummary(x.Id, x.Date,
                db.Children.Where(c => c.Id == x.ChildId).Select(c => c.PreferredName ?? c.FirstName).First(),
                x.ParentFirstViewedAt != null))
            .ToListAsync(ct);
    }

    public async Task<SharedRecordView?> OpenAsync(Actor actor, Guid recordId, CancellationToken ct)
    {
        var record = await db.ContactRecords.Include(r => r.Versions).FirstOrDefaultAsync(r => r.Id == recordId && r.SharedAt != null, ct);
        if (record is null)
        {
            return null;
        }
        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == record.SessionId, ct);
        var arrangementPeople = await db.Arrangements.AsNoTracking().Where(a => a.Id == session.ArrangementId).Select(a => a.PersonIds).FirstOrDefaultAsync(ct) ?? [];
        var mine = await MinePersonIdsAsync(actor.UserId, ct);
        if (!arrangementPeople.Any(mine.Contains))
        {
            return null;
        }
        if (record.StampFirstView(clock.GetUtcNow().UtcDateTime))
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.View, AuditRecord.ContactRecord, record.Id, record.ChildId, "{\"FirstViewByParent\":true}"), ct);
        }
        var thirdParties = await ThirdPartiesAsync(record.ChildId, mine, session.SupervisorId, ct);
        var v = record.Current;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == record.ChildId).Select(c => c.PreferredName ?? c.FirstName).FirstAsync(ct);
        var vocabulary = AgeBands.Vocabulary(v.AgeBand).ToDictionary(x => x.Code, x => x.Words);
        var replies = await db.ParentReplies.AsNoTracking().Where(r => r.RecordId == record.Id && r.ParentUserId == actor.UserId).OrderBy(r => r.At).ToListAsync(ct);
        string? R(string? text) => Redactor.Redact(text, thirdParties);
        return new SharedRecordView(
            record.Id, session.Date, child, v.Number, "The family time worker",
            v.Observations.Where(vocabulary.ContainsKey).Select(o => vocabulary[o]).ToList(),
            R(v.Interaction), R(v.Positives), R(v.Concerns), R(v.ChildsWords), v.EndedEarly, R(v.EndedEarlyReason),
            record.ParentFirstViewedAt!.Value, replies);
    }

    public async Task<Outcome<Guid>> ReplyAsync(Actor actor, Guid recordId, string? text, CancellationToken ct)
    {
        if (await OpenAsync(actor, recordId, ct) is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (ParentReply.Check(text) is { } problem)
        {
            return Outcome<Guid>.Invalid("Reply", problem);
        }
        var reply = new ParentReply(recordId, actor.UserId, text!, clock.GetUtcNow().UtcDateTime);
        db.ParentReplies.Add(reply);
        var childId = await db.ContactRecords.Where(r => r.Id == recordId).Select(r => r.ChildId).FirstAsync(ct);
        await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.ParentReply, reply.Id, childId), ct);
        return Outcome<Guid>.Ok(reply.Id);
    }

    private async Task<HashSet<Guid>> MinePersonIdsAsync(string parentUserId, CancellationToken ct) =>
        (await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == parentUserId).Select(p => p.Id).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// Everyone else's names: the other people in the child's life, the carers and the staff present. Surnames the
    /// parent shares with them stay, or the parent's own and the child's names would be taken out too.
    /// </summary>
    private async Task<List<string>> ThirdPartiesAsync(Guid childId, HashSet<Guid> mine, string? supervisorId, CancellationToken ct)
    {
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId).Select(p => new { p.Id, p.FullName }).ToListAsync(ct);
        var own = people.Where(p => mine.Contains(p.Id)).SelectMany(p => Redactor.NameAndParts(p.FullName)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.FirstName, c.LastName, c.PreferredName }).FirstAsync(ct);
        own.UnionWith([child.FirstName, child.LastName, child.PreferredName ?? child.FirstName]);
        var names = people.Where(p => !mine.Contains(p.Id)).SelectMany(p => Redactor.NameAndParts(p.FullName)).ToList();
        var households = await db.Placements.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new { p.ResidentialHomeName, Household = db.CarerHouseholds.Where(h => h.Id == p.CarerHouseholdId).Select(h => new { h.Name, h.Address }).FirstOrDefault() })
            .ToListAsync(ct);
        foreach (var h in households)
        {
            if (h.Household is { } household)
            {
                names.AddRange(Redactor.NameAndParts(household.Name).Where(n => n != "and"));
                names.Add(household.Address);
            }
            if (h.ResidentialHomeName is { } home)
            {
                names.Add(home);
            }
        }
        if (await db.Users.Where(u => u.Id == supervisorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { } supervisor)
        {
            names.AddRange(Redactor.NameAndParts(supervisor));
        }
        return names.Where(n => !own.Contains(n)).ToList();
    }
}
