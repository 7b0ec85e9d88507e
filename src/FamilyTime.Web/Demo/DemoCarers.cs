using FamilyTime.Data;
using FamilyTime.Domain.Carers;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Features.Portal.Carer;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// The carer portal in the demo: carer1 has a mobile number and has asked for e-mail and texts and a call before an
/// early return; the first child living with them has three entries in the indirect-contact log, one of them urgent
/// (a friend request out of the blue), each with its task for the social worker.
/// </summary>
public static class DemoCarers
{
    /// <summary>A number from Ofcom's range kept for drama, so no real phone is ever texted from the demo.</summary>
    public const string Carer1Mobile = "07700 900123";

    public static async Task AddAsync(FamilyTimeDbContext db, string carerId, DateOnly today, DateTime now, CancellationToken ct)
    {
        var carer = await db.Users.FirstAsync(u => u.Id == carerId, ct);
        carer.PhoneNumber = Carer1Mobile;
        var (preferences, _) = CarerAlertPreferences.Choose(carerId, byEmail: true, byText: true, phoneBeforeEarlyReturn: true, hasPhoneNumber: true, now.AddDays(-30));
        db.CarerAlertPreferences.Add(preferences!);

        var child = await db.Placements.AsNoTracking().Where(p => p.EndDate == null && p.CarerHouseholdId == carer.CarerHouseholdId)
            .OrderBy(p => p.ChildId)
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName, c.SocialWorkerId })
            .FirstOrDefaultAsync(ct);
        if (child is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == child.Id).Select(p => new { p.Id, p.Relationship }).ToListAsync(ct);
        var mum = people.FirstOrDefault(p => p.Relationship == Relationship.Mother)?.Id ?? people.FirstOrDefault()?.Id;
        var ids = people.Select(p => p.Id).ToList();
        (IndirectContactKind Kind, int DaysAgo, Guid? Person, string? Who, string What, string How, string Did)[] entries =
        [
            (IndirectContactKind.PhoneCall, 12, mum, null, "Mum rang at the agreed time on Sunday evening and they talked about the school play for ten minutes.",
                "Happy and chatty during the call, a little quiet at bedtime.", "Sat nearby as the plan says, and read an extra story at bedtime."),
            (IndirectContactKind.SocialMedia, 6, mum, null, "Mum sent a video message through the agreed app, singing happy birthday.",
                "Watched it three times and smiled; asked when she will see Mum next.", "Showed her the calendar with her next family time on it."),
            (IndirectContactKind.UnplannedOnline, 1, null, "an account called 'bigsis_2009' we do not know",
                "A friend request and a message on her tablet game asking which school she goes to.",
                "Unsettled and asked whether she was in trouble.", "Did not reply, took screenshots, blocked the account and told her it was not her fault."),
        ];
        foreach (var e in entries)
        {
            Guid? person = e.Person is { } p && ids.Contains(p) ? p : null;
            var (entry, _) = IndirectContactEntry.Log(Guid.NewGuid(), child.Id,
                new IndirectContactDraft(e.Kind, now.AddDays(-e.DaysAgo).AddHours(-3), person, person is null, e.Who, e.What, e.How, e.Did, Worried: false),
                ids, carerId, now.AddDays(-e.DaysAgo).AddHours(-2));
            db.IndirectContactEntries.Add(entry!);
            db.Tasks.Add(WorkTask.Create($"indirect-contact:{entry!.Id:N}", entry.IsUrgent ? TaskKind.IndirectContactUrgent : TaskKind.IndirectContact, child.SocialWorkerId, child.Id,
                $"{(entry.IsUrgent ? "Urgent: " : "")}{carer.DisplayName} logged {IndirectContactWords.Kind(entry.Kind).ToLowerInvariant()} for {child.Name}",
                $"{CarerLinks.StaffLog(child.Id)}#entry-{entry.Id:N}", entry.IsUrgent ? today : today.AddDays(7 - e.DaysAgo), now.AddDays(-e.DaysAgo).AddHours(-2)));
        }
        await db.SaveChangesAsync(ct);
    }
}
