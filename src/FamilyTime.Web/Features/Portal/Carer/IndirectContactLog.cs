using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Carers;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>One entry of the log as it is read back, with the names of who it was with and who wrote it.</summary>
public sealed record IndirectContactRow(
    Guid Id,
    IndirectContactKind Kind,
    DateTime HappenedAt,
    string With,
    string WhatHappened,
    string HowChildWas,
    string WhatCarerDid,
    bool Urgent,
    string RecordedBy,
    DateTime RecordedAt);

/// <summary>A person the carer can choose as who the contact was with.</summary>
public sealed record PersonChoice(Guid Id, string Name, string Relationship);

/// <summary>
/// The log of indirect contact: the carer writes, the social worker is told (a task, urgent for unplanned contact
/// online or when the carer is worried, with an e-mail), and those who hold the case and the carers read it.
/// </summary>
public sealed class IndirectContactLog(FamilyTimeDbContext db, TaskList tasks, Notifier notifier, AuditedSave audit, TimeProvider clock)
{
    public const int Shown = 50;

    public async Task<IReadOnlyList<PersonChoice>> PeopleAsync(Guid childId, CancellationToken ct) =>
        (await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == childId)
            .Select(p => new { p.Id, p.FullName, p.Relationship }).ToListAsync(ct))
        .OrderBy(p => p.FullName, StringComparer.OrdinalIgnoreCase)
        .Select(p => new PersonChoice(p.Id, p.FullName, IndirectContactWords.Relationship(p.Relationship))).ToList();

    public async Task<Outcome<Guid>> LogAsync(ChildContext child, Guid id, IndirectContactDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Refused<Guid>(ChildOperation.LogIndirectContact) is { } refused)
        {
            return refused;
        }
        if (id != Guid.Empty && await AlreadyLoggedAsync(child.ChildId, id, ct) is { } known)
        {
            return known;
        }
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == child.ChildId).Select(p => p.Id).ToListAsync(ct);
        var (entry, errors) = IndirectContactEntry.Log(id, child.ChildId, draft, people, child.Actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        db.IndirectContactEntries.Add(entry!);
        var name = child.PreferredName ?? child.FirstName;
        var kind = IndirectContactWords.Kind(entry!.Kind).ToLowerInvariant();
        var link = $"{CarerLinks.StaffLog(child.ChildId)}#entry-{entry.Id:N}";
        var title = entry.IsUrgent
            ? $"Urgent: {child.Actor.DisplayName} logged {kind} for {child.Name}{(entry.Worried ? " and is worried" : "")}"
            : $"{child.Actor.DisplayName} logged {kind} for {child.Name}";
        var today = clock.Today();
        await tasks.AddAsync($"indirect-contact:{entry.Id:N}", entry.IsUrgent ? TaskKind.IndirectContactUrgent : TaskKind.IndirectContact,
            child.SocialWorkerId, child.ChildId, title, link, entry.IsUrgent ? today : today.AddDays(7), ct);
        if (entry.IsUrgent)
        {
            // Unplanned contact online can mean the child's home or school is known: the social worker hears today, not at their next look at the list.
            await notifier.EmailUserAsync($"indirect-contact:{entry.Id:N}", child.SocialWorkerId, $"Urgent: {kind} for {name}",
                $"{title}.\n\nRead what happened and what the carer did in FamilyTime: {link}", child.ChildId, ct);
        }
        try
        {
            await audit.SaveAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.Create, AuditRecord.IndirectContact, entry.Id, child.ChildId), ct);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the entry's id keeps one; the second is told it is saved.
            db.ChangeTracker.Clear();
            if (await AlreadyLoggedAsync(child.ChildId, entry.Id, ct) is { } first)
            {
                return first;
            }
            return Outcome<Guid>.Conflict();
        }
        return Outcome<Guid>.Ok(entry.Id);
    }

    private async Task<Outcome<Guid>?> AlreadyLoggedAsync(Guid childId, Guid id, CancellationToken ct)
    {
        var owner = await db.IndirectContactEntries.AsNoTracking().Where(e => e.Id == id).Select(e => (Guid?)e.ChildId).FirstOrDefaultAsync(ct);
        return owner switch
        {
            null => null,
            { } c when c == childId => Outcome<Guid>.Ok(id),
            _ => Outcome<Guid>.Invalid("Id", "This entry belongs to another child's log"),
        };
    }

    /// <summary>The child's log, newest first; the door has held the reader to <see cref="ChildOperation.ViewIndirectContact"/>.</summary>
    public async Task<IReadOnlyList<IndirectContactRow>> ReadAsync(ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!child.Can(ChildOperation.ViewIndirectContact))
        {
            return [];
        }
        // The read and its audit entry in one transaction: the entry stands for exactly what was shown.
        var rows = await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, new AuditNote(AuditAction.View, AuditRecord.IndirectContact, child.ChildId, child.ChildId),
            c => db.IndirectContactEntries.AsNoTracking().Where(e => e.ChildId == child.ChildId)
                .OrderByDescending(e => e.HappenedAt).Take(Shown)
                .Select(e => new
                {
                    Entry = e,
                    Person = db.SignificantPeople.Where(p => p.Id == e.PersonId).Select(p => p.FullName).FirstOrDefault(),
                    By = db.Users.Where(u => u.Id == e.RecordedById).Select(u => u.DisplayName).FirstOrDefault(),
                }).ToListAsync(c), ct);
        return rows.Select(r => new IndirectContactRow(r.Entry.Id, r.Entry.Kind, r.Entry.HappenedAt,
            r.Person ?? (r.Entry.SomeoneElse is { } who ? $"Someone else: {who}" : "Someone else, or not known"),
            r.Entry.WhatHappened, r.Entry.HowChildWas, r.Entry.WhatCarerDid, r.Entry.IsUrgent, r.By ?? "someone no longer registered", r.Entry.RecordedAt)).ToList();
    }
}

/// <summary>The words of the log, on pages and in tasks.</summary>
public static class IndirectContactWords
{
    public static string Kind(IndirectContactKind kind) => kind switch
    {
        IndirectContactKind.PhoneCall => "A phone call",
        IndirectContactKind.VideoCall => "A video call",
        IndirectContactKind.Message => "A text or message",
        IndirectContactKind.Letter => "A letter, card or parcel",
        IndirectContactKind.SocialMedia => "Social media, as agreed",
        IndirectContactKind.UnplannedOnline => "Something unplanned online",
        _ => kind.ToString(),
    };

    public static string Hint(IndirectContactKind kind) => kind switch
    {
        IndirectContactKind.SocialMedia => "Messages or video on social media that are part of the plan",
        IndirectContactKind.UnplannedOnline => "A friend request, message or post that was not agreed. The social worker is told straight away",
        _ => "",
    };

    public static string Relationship(Domain.People.Relationship r) => Domain.People.RelationshipRules.Describe(r);
}
