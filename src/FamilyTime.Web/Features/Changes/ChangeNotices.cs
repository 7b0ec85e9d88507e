using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.People;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Notifications;
using FamilyTime.Web.Features.Plans.Letters;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// Puts the notices of a change in the outbox (guidance section 11: parents, carers and the child are told in writing):
/// every person with parental responsibility and each person in the arrangement (by e-mail, or as a letter to post
/// when there is no e-mail address), the carers, and the child through their social worker, who gives it to them and
/// talks it through. A text to a parent carries no child's details.
/// </summary>
public sealed class ChangeNotices(FamilyTimeDbContext db, Notifier notifier, ParentLetters letters, IConfiguration config, TimeProvider clock)
{
    /// <summary>Queues every notice; answers what a family notice would give away about the child's home (nothing queued then).</summary>
    public async Task<IReadOnlyList<string>> QueueAsync(ChangeProposal p, ChildContext child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(child);
        var first = child.PreferredName ?? child.FirstName;
        var socialWorker = await db.Users.AsNoTracking().Where(u => u.Id == child.SocialWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var personIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == p.ArrangementId).Select(a => a.PersonIds).FirstAsync(ct);
        // The people in the arrangement, and everyone with parental responsibility, whether in this arrangement or not.
        var told = await db.SignificantPeople.AsNoTracking()
            .Where(x => x.ChildId == p.ChildId && (personIds.Contains(x.Id) || x.HasParentalResponsibility))
            .OrderBy(x => x.FullName).ToListAsync(ct);
        var people = personIds.Select(id => told.FirstOrDefault(x => x.Id == id)).OfType<SignificantPerson>().ToList();
        var facts = new ChangeNoticeFacts(config["Council:Name"] ?? "Children's services", clock.Today(), first, child.FamilyTimeName,
            string.Join(" and ", people.Select(x => x.FullName)), p.EndsArrangement, p.Summary, p.Reasons, socialWorker ?? "Your social worker",
            p.Kinds, ChildNoticeWords.People(people.Select(x => ChildNoticeWords.Person(x.Relationship, x.FullName)).ToList()));
        var subject = p.EndsArrangement ? "Family time is ending" : "A change to family time";

        var family = told.Select(person => (person, letter: ChangeNoticeWriter.ForFamily(facts, person.FullName))).ToList();
        foreach (var (_, letter) in family)
        {
            if (await letters.LeaksAsync(p.ChildId, letter, ct) is { Count: > 0 } leaks)
            {
                return leaks;
            }
        }
        foreach (var (person, letter) in family)
        {
            var body = LetterText.Render(letter);
            var key = $"{ChangeTaskKeys.Notice(p.Id)}:{person.Id}";
            if (person.Email is { Length: > 0 } email)
            {
                await notifier.EmailAsync(key, email, person.FullName, subject, body, p.ChildId, ct);
            }
            else
            {
                await notifier.PostAsync(key, person.Address ?? "No address on the record: hand it to them", person.FullName, subject, body, p.ChildId, ct);
            }
            if (person.Phone is { Length: > 0 } phone)
            {
                await notifier.SmsAsync(key + ":sms", phone, person.FullName,
                    "FamilyTime: there is a change to your family time. A letter explains it. Please contact your social worker if you have questions.", p.ChildId, ct);
            }
        }

        if (child.CurrentCarerHouseholdId is { } household)
        {
            var carers = await db.Users.AsNoTracking().Where(u => u.CarerHouseholdId == household)
                .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Carer)))
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
            foreach (var carer in carers)
            {
                await notifier.EmailUserAsync($"{ChangeTaskKeys.Notice(p.Id)}:carer:{carer.Id}", carer.Id, subject,
                    LetterText.Render(ChangeNoticeWriter.ForCarers(facts, carer.DisplayName)), p.ChildId, ct);
            }
        }

        await notifier.EmailUserAsync($"{ChangeTaskKeys.Notice(p.Id)}:child", child.SocialWorkerId, $"For {first}: {subject}",
            $"This is {first}'s notice, in words for them. Please give it to {first} and talk it through with them.\n\n{LetterText.Render(ChangeNoticeWriter.ForChild(facts))}", p.ChildId, ct);
        return [];
    }
}
