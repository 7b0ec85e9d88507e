using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using FamilyTime.Domain.Suspensions;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// Tells the carers and the people in the arrangement that family time is suspended, in plain words: from when, that
/// the social worker will be in touch, and who to ask. A parent's message says nothing about the carers or where the
/// child lives, and never the reasons (they are for the record, and may name the home).
/// </summary>
public sealed class SuspensionNotices(FamilyTimeDbContext db, Notifier notifier, IConfiguration config)
{
    public const string Subject = "A change to family time";

    /// <summary>Read on a lock screen by whoever holds the phone: no child's name, nothing about what happened.</summary>
    public const string Text = "FamilyTime: there is a change to your family time. Please contact your social worker.";

    public async Task TellCarersAndFamilyAsync(Suspension s, ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(child);
        var childName = child.PreferredName ?? child.FirstName;
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == child.SocialWorkerId)
            .Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        var council = config["Council:Name"] ?? "Children's services";
        var ask = worker is null
            ? $"If you have questions, contact {council} and ask for {childName}'s social worker."
            : $"If you have questions, contact {worker.DisplayName}"
              + (string.IsNullOrWhiteSpace(worker.PhoneNumber) ? "" : $" on {worker.PhoneNumber}")
              + (string.IsNullOrWhiteSpace(worker.Email) ? "" : $" or at {worker.Email}")
              + $". If you cannot reach them, contact {council} and ask for the duty social worker.";
        var socialWorker = worker?.DisplayName is { Length: > 0 } name ? $"{name}, {childName}'s social worker," : $"{childName}'s social worker";
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == s.ArrangementId).Select(a => a.PersonIds).FirstAsync(ct);
        var people = (await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == s.ChildId).ToListAsync(ct))
            .Where(p => personIds.Contains(p.Id)).ToList();
        var key = SuspensionTaskKeys.Tell(s.Id);

        foreach (var person in people.Where(p => p.SiblingChildId is null))
        {
            // A brother or sister who is in care hears it from their own social worker, not from a message.
            var letter = string.Join("\n\n",
                $"Dear {person.FullName},",
                $"Family time with {childName} is suspended from {s.StartedOn:d MMMM yyyy}. It will not go ahead for now. A suspension lasts no more than 7 days while we work out what is best for {childName}.",
                $"{socialWorker} will be in touch with you to explain what happens next.",
                ask,
                council);
            if (!string.IsNullOrWhiteSpace(person.Email))
            {
                await notifier.EmailAsync(key + person.Id, person.Email, person.FullName, Subject, letter, s.ChildId, ct);
                continue;
            }
            // No e-mail address: a letter to post (kept in the outbox to print), and a text if there is a phone.
            await notifier.PostAsync(key + person.Id + ":post", person.Address ?? "No address on the record: hand it to them", person.FullName, Subject, letter, s.ChildId, ct);
            if (!string.IsNullOrWhiteSpace(person.Phone))
            {
                await notifier.SmsAsync(key + person.Id, person.Phone, person.FullName, Text, s.ChildId, ct);
            }
        }

        var household = child.CurrentCarerHouseholdId;
        if (household is null)
        {
            return;
        }
        var carers = await db.InRole(Roles.Carer).AsNoTracking().Where(u => u.CarerHouseholdId == household)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PhoneNumber }).ToListAsync(ct);
        var with = people.Count == 0 ? "" : " and " + string.Join(" and ", people.Select(p => p.FullName));
        foreach (var carer in carers)
        {
            if (!string.IsNullOrWhiteSpace(carer.Email))
            {
                await notifier.EmailCarerAsync(key + carer.Id, carer.Email, carer.DisplayName, Subject, string.Join("\n\n",
                    $"Dear {carer.DisplayName},",
                    $"Family time between {childName}{with} is suspended from {s.StartedOn:d MMMM yyyy}. Sessions up to and including {s.LastDay:d MMMM yyyy} will not go ahead, so there is no need to take {childName} to them.",
                    $"{socialWorker} will be in touch with you about what happens next.",
                    ask,
                    council), s.ChildId, ct);
            }
            else if (!string.IsNullOrWhiteSpace(carer.PhoneNumber))
            {
                await notifier.SmsCarerAsync(key + carer.Id, carer.PhoneNumber, carer.DisplayName, Text, s.ChildId, ct);
            }
        }
    }
}
