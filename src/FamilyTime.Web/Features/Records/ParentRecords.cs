using FamilyTime.Data;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Privacy;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Tasks;
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

/// <summary>One field of a record as the family will read it, in pieces: those with <see cref="HighlightedPiece.What"/> are taken out.</summary>
public sealed record SharedField(string Label, IReadOnlyList<HighlightedPiece> Pieces)
{
    /// <summary>Exactly what the family reads: each piece taken out is "[removed]".</summary>
    public string? Text => Pieces.Count == 0 ? null : string.Concat(Pieces.Select(p => p.What is null ? p.Text : Redactor.Removed));

    public bool HasRemovals => Pieces.Any(p => p.What is not null);
}

/// <summary>What one family member will read of one version, for the worker to check before sharing it.</summary>
public sealed record SharePreview(Guid PersonId, string PersonName, IReadOnlyList<string> Observations, IReadOnlyList<SharedField> Fields);

/// <summary>
/// The parent's side of shared records: only records of sessions with them, only once shared, observations
/// only (never the worker's analysis), third parties taken out, and nothing that says where the child lives (the
/// family guard). They read the version the worker checked and shared, never a later correction until it is
/// shared again. The first opening is stamped; replies sit beside and reach the social worker.
/// </summary>
public sealed class ParentRecords(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock, FamilyOutputGuard guard, TaskList tasks, Notifier notifier)
{
    /// <summary>Someone else's name, phone, e-mail or postcode, taken out by the <see cref="Redactor"/>.</summary>
    public const string ThirdParty = "someone else's details";

    /// <summary>
    /// The shared records of sessions with one of the parent's own people (those whose portal account is theirs),
    /// newest first, chosen by the database.
    /// </summary>
    public async Task<IReadOnlyList<SharedRecordSummary>> ListAsync(string parentUserId, CancellationToken ct)
    {
        var mine = db.SignificantPeople.Where(p => p.PortalUserId == parentUserId).Select(p => p.Id);
        var rows = await db.ContactRecords.AsNoTracking().Where(r => r.SharedAt != null)
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.Id, s.Date, s.ChildId, s.ArrangementId, r.SharedVersion })
            .Where(x => db.Arrangements.Any(a => a.Id == x.ArrangementId && a.PersonIds.Any(id => mine.Contains(id))))
            .OrderByDescending(x => x.Date)
            .Select(x => new
            {
                x.Id, x.Date, x.SharedVersion,
                Child = db.Children.Where(c => c.Id == x.ChildId).Select(c => c.PreferredName ?? c.FirstName).First(),
                Read = db.SharedNoteReads.Where(n => n.RecordId == x.Id && n.ParentUserId == parentUserId).Select(n => (int?)n.Version).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // "New" is this reader's: read by them at the version shared now (a correction shared again is new again).
        return rows.Select(x => new SharedRecordSummary(x.Id, x.Date, x.Child, !SharedNoteRead.IsNew(x.SharedVersion ?? 1, x.Read))).ToList();
    }

    /// <summary>
    /// How many shared notes this parent has not read (or not read since a correction was shared): the count on
    /// their front page, cleared as they open each one. One SQL command.
    /// </summary>
    public async Task<int> NewCountAsync(string parentUserId, CancellationToken ct)
    {
        var mine = db.SignificantPeople.Where(p => p.PortalUserId == parentUserId).Select(p => p.Id);
        return await db.ContactRecords.AsNoTracking().Where(r => r.SharedAt != null)
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.Id, s.ArrangementId, Shared = r.SharedVersion ?? 1 })
            .Where(x => db.Arrangements.Any(a => a.Id == x.ArrangementId && a.PersonIds.Any(id => mine.Contains(id))))
            .CountAsync(x => !db.SharedNoteReads.Any(n => n.RecordId == x.Id && n.ParentUserId == parentUserId && n.Version >= x.Shared), ct);
    }

    public async Task<SharedRecordView?> OpenAsync(Actor actor, Guid recordId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // The read, its stamps and its audit entry in one transaction: the entry stands for exactly what was shown,
        // and a record not found (or not the reader's) is no view, and leaves no entry.
        var opened = await audit.ViewAsync(actor.UserId, actor.UserName, c => LoadAsync(actor, recordId, c),
            o => o is { } x ? [x.Note] : [], ct);
        return opened?.View;
    }

    private async Task<(SharedRecordView View, AuditNote Note)?> LoadAsync(Actor actor, Guid recordId, CancellationToken ct)
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
        var note = await MarkReadAsync(actor, record, ct);
        var thirdParties = await ThirdPartiesAsync(record.ChildId, mine, session.SupervisorId, ct);
        var v = record.SharedWithFamily!;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == record.ChildId).Select(c => c.PreferredName ?? c.FirstName).FirstAsync(ct);
        var replies = await db.ParentReplies.AsNoTracking().Where(r => r.RecordId == record.Id && r.ParentUserId == actor.UserId).OrderBy(r => r.At).ToListAsync(ct);
        var shaped = Shape(v, await guard.ForChildAsync(record.ChildId, ct), thirdParties);
        string? R(string label) => shaped.Fields.FirstOrDefault(f => f.Label == label)?.Text;
        return (new SharedRecordView(
            record.Id, session.Date, child, v.Number, "The family time worker",
            shaped.Observations,
            R(Interaction), R(Positives), R(Concerns), R(ChildsWords), v.EndedEarly, R(EndedEarlyReason),
            record.ParentFirstViewedAt!.Value, replies), note);
    }

    /// <summary>
    /// Stamps the record's first opening by any family member (for the worker) and this reader's own read of the
    /// version shared now (for their count of new notes), and answers the audit entry saying so; the stamps are
    /// saved with it. Read under the write lock, so two tabs opening it at once stamp one after the other.
    /// </summary>
    private async Task<AuditNote> MarkReadAsync(Actor actor, ContactRecord record, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var version = record.SharedWithFamily!.Number;
        var first = record.StampFirstView(now);
        var read = await db.SharedNoteReads.FirstOrDefaultAsync(n => n.RecordId == record.Id && n.ParentUserId == actor.UserId, ct);
        var newlyRead = read is null || read.Read(version, now);
        if (read is null)
        {
            db.SharedNoteReads.Add(new SharedNoteRead(record.Id, actor.UserId, version, now));
        }
        // Every opening is a look at the child's record, a re-opening too (issue 14): only the stamps are once.
        var changes = first ? $"{{\"FirstViewByParent\":true,\"ReadVersion\":{version}}}"
            : newlyRead ? $"{{\"ReadVersion\":{version}}}"
            : $"{{\"ReopenedVersion\":{version}}}";
        return new AuditNote(AuditAction.View, AuditRecord.ContactRecord, record.Id, record.ChildId, changes);
    }

    private const string Interaction = "What happened";
    private const string Positives = "What went well";
    private const string Concerns = "Worries";
    private const string ChildsWords = "What the child said";
    private const string EndedEarlyReason = "Why it ended early";

    /// <summary>
    /// What each family member in the session's arrangement would read of the record's current version, with what
    /// would be taken out marked: the worker checks this before sharing. Null when the session has no record.
    /// </summary>
    public async Task<(ContactRecord Record, IReadOnlyList<SharePreview> People)?> PreviewAsync(Guid childId, Guid sessionId, CancellationToken ct)
    {
        var record = await db.ContactRecords.AsNoTracking().Include(r => r.Versions).FirstOrDefaultAsync(r => r.SessionId == sessionId && r.ChildId == childId, ct);
        if (record is null)
        {
            return null;
        }
        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == session.ArrangementId).Select(a => a.PersonIds).FirstOrDefaultAsync(ct) ?? [];
        var people = await db.SignificantPeople.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(ct);
        var home = await guard.ForChildAsync(childId, ct);
        var previews = new List<SharePreview>();
        foreach (var person in people)
        {
            var thirdParties = await ThirdPartiesAsync(childId, [person.Id], session.SupervisorId, ct);
            var shaped = Shape(record.Current, home, thirdParties);
            previews.Add(new SharePreview(person.Id, person.FullName, shaped.Observations, shaped.Fields));
        }
        return (record, previews);
    }

    /// <summary>
    /// One version as a family member reads it: the family guard first (where the child lives), then everyone
    /// else's details. The same shaping serves the worker's preview and the family's page, so they cannot differ.
    /// </summary>
    private static (IReadOnlyList<string> Observations, IReadOnlyList<SharedField> Fields) Shape(RecordVersion v, HomeGuard home, List<string> thirdParties)
    {
        var vocabulary = AgeBands.Vocabulary(v.AgeBand).ToDictionary(x => x.Code, x => x.Words);
        var fields = new List<SharedField>();
        void Add(string label, string? text)
        {
            if (text is not null)
            {
                fields.Add(new SharedField(label, Pieces(text, home, thirdParties)));
            }
        }
        Add(Interaction, v.Interaction);
        Add(Positives, v.Positives);
        Add(Concerns, v.Concerns);
        Add(ChildsWords, v.ChildsWords);
        if (v.EndedEarly)
        {
            Add(EndedEarlyReason, v.EndedEarlyReason);
        }
        return (v.Observations.Where(vocabulary.ContainsKey).Select(o => vocabulary[o]).ToList(), fields);
    }

    private static List<HighlightedPiece> Pieces(string text, HomeGuard home, List<string> thirdParties)
    {
        var pieces = new List<HighlightedPiece>();
        foreach (var piece in home.Highlight(text))
        {
            if (piece.What is not null)
            {
                pieces.Add(piece);
                continue;
            }
            var parts = Redactor.Redact(piece.Text, thirdParties)!.Split(Redactor.Removed);
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0)
                {
                    pieces.Add(new HighlightedPiece(parts[i], null));
                }
                if (i < parts.Length - 1)
                {
                    pieces.Add(new HighlightedPiece("", ThirdParty));
                }
            }
        }
        return pieces;
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
        // The same words again from the same parent are the reply already kept: a retried POST adds nothing.
        var key = ParentReply.KeyFor(text!);
        if (await KeptReplyAsync(actor, recordId, key, ct) is { } kept)
        {
            return Outcome<Guid>.Ok(kept);
        }
        var reply = new ParentReply(recordId, actor.UserId, text!, clock.GetUtcNow().UtcDateTime);
        db.ParentReplies.Add(reply);
        var about = await db.ContactRecords.Where(r => r.Id == recordId)
            .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.ChildId, SessionId = s.Id, s.Date })
            .Join(db.Children, x => x.ChildId, c => c.Id, (x, c) => new { x.ChildId, x.SessionId, x.Date, c.SocialWorkerId })
            .FirstAsync(ct);
        var childId = about.ChildId;
        // A reply reaches the child's social worker: a task on their list and an e-mail, saved with the reply.
        var link = ChildLinks.Session(childId, about.SessionId);
        var title = $"{actor.DisplayName} replied to the notes of family time on {about.Date:d MMMM yyyy}";
        await tasks.AddAsync($"parent-reply:{reply.Id}", TaskKind.ParentReply, about.SocialWorkerId, childId, title, link, clock.Today().AddDays(5), ct);
        await notifier.EmailUserAsync($"parent-reply:{reply.Id}", about.SocialWorkerId, "A family member has replied to shared notes",
            $"{title}.\n\nRead the reply beside the record in FamilyTime: {link}", childId, ct);
        try
        {
            await audit.SaveAsync(actor.UserId, actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.ParentReply, reply.Id, childId), ct);
        }
        catch (DbUpdateException)
        {
            // The same reply arrived twice at once: the unique key kept the first, which is this one's answer.
            return await KeptReplyAsync(actor, recordId, key, ct) is { } first ? Outcome<Guid>.Ok(first) : Outcome<Guid>.Conflict();
        }
        return Outcome<Guid>.Ok(reply.Id);
    }

    private async Task<Guid?> KeptReplyAsync(Actor actor, Guid recordId, string key, CancellationToken ct) =>
        await db.ParentReplies.AsNoTracking().Where(r => r.RecordId == recordId && r.ParentUserId == actor.UserId && r.Key == key)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

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
