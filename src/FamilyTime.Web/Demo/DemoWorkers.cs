using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Features.Suspensions;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Worker profiles for the demo (issue 12): every contact worker gets an area (spread over North, Central and South;
/// contactworker1 in North), a weekly pattern (most full time, some part time or later hours for after school), a
/// few languages, a car for some, and an office postcode at a venue of their area. One North worker (not
/// contactworker1) is on annual leave all next week, and a few arrangements of the first families need two workers.
/// Uses its own seeded Random, never the seeder's Faker, so nothing else in the demo moves.
/// </summary>
public static class DemoWorkers
{
    private static readonly string[] AreaOrder = ["North", "Central", "South"];
    private static readonly DayOfWeek[] FullWeek = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] PartWeek = [DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];
    private static readonly string[] SpokenLanguages = ["Polish", "Urdu", "Punjabi", "Arabic", "Romanian", "Somali", "British Sign Language"];

    /// <summary>
    /// Sessional contact workers, six to an area once spread, so each area has hands enough for its week of supervised
    /// family time and the rota has real choices; named from this list (not the seeder's Faker, whose stream the rest of
    /// the demo depends on). Each speaks one of the languages families speak here.
    /// </summary>
    public static readonly IReadOnlyList<string> SessionalNames =
    [
        "Agnieszka Nowak", "Imran Shah", "Harpreet Gill", "Layla Haddad", "Ioana Popescu", "Hodan Farah",
        "Marta Kowalska", "Bilal Qureshi", "Simran Kaur", "Omar Khalil", "Andrei Ionescu", "Ayaan Warsame",
        "Zofia Wisniewska", "Sadia Akhtar", "Gurpreet Sandhu", "Yasmin Nasser", "Elena Dumitru", "Idil Mohamed",
    ];

    public static async Task AddAsync(FamilyTimeDbContext db, string contactWorker1Id, DateOnly today, CancellationToken ct)
    {
        var random = new Random(1212);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var byName = areas.ToDictionary(a => a.Name, a => a.Id);
        var spread = AreaOrder.Where(byName.ContainsKey).Select(n => byName[n]).ToList();
        if (spread.Count == 0)
        {
            return;
        }
        var offices = (await db.Venues.AsNoTracking().Where(v => v.IsOpen).Select(v => new { v.AreaId, v.Name, v.Postcode }).ToListAsync(ct))
            .GroupBy(v => v.AreaId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Name).First().Postcode);
        var sessional = SessionalNames.ToHashSet(StringComparer.Ordinal);
        // The sessional workers come last, so everyone else keeps the area, pattern and leave they had before them.
        var workers = (await db.InRole(Roles.ContactWorker).AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.Id == contactWorker1Id ? 0 : sessional.Contains(u.DisplayName) ? 2 : 1).ThenBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
        var firstSessional = workers.FindIndex(u => sessional.Contains(u.DisplayName));
        var full = FullWeek;
        var nextMonday = today.AddDays(7 - WorkerProfile.DayOrder(today.DayOfWeek));
        string? leaveFor = null;
        for (var i = 0; i < workers.Count; i++)
        {
            var area = spread[i % spread.Count];
            // Most work office hours; every fourth starts later to cover after-school family time; every fifth is part time with a Saturday.
            var (days, from, until) = (i % 5) switch
            {
                4 => (PartWeek, new TimeOnly(9, 30), new TimeOnly(17, 30)),
                3 => (full, new TimeOnly(11, 0), new TimeOnly(19, 0)),
                _ => (full, new TimeOnly(9, 0), new TimeOnly(17, 0)),
            };
            var isSessional = firstSessional >= 0 && i >= firstSessional;
            var languages = isSessional ? SpokenLanguages[(i - firstSessional) / spread.Count % SpokenLanguages.Length]
                : random.Next(3) == 0 ? SpokenLanguages[random.Next(SpokenLanguages.Length)] : "";
            var driver = i == 0 || (isSessional ? i % 2 == 0 : random.Next(2) == 0);
            var details = new WorkerProfileDetails(area, days.Select(d => new WorkingHours(d, from, until)).ToList(), languages, driver,
                days.Length == 5 ? 37 : 30, offices.TryGetValue(area, out var postcode) ? postcode : null);
            var (profile, _) = WorkerProfile.Create(workers[i].Id, details);
            if (profile is not null)
            {
                db.WorkerProfiles.Add(profile);
            }
            if (leaveFor is null && i > 0 && area == spread[0])
            {
                leaveFor = workers[i].Id;
            }
        }
        if (leaveFor is not null)
        {
            db.WorkerLeave.Add(new WorkerLeave(leaveFor, nextMonday, nextMonday.AddDays(6), "Annual leave"));
        }
        // A few arrangements supervised by contactworker1 need a second worker (demo data laid down as it stands).
        var two = (await db.Arrangements.Where(a => a.SupervisorId == contactWorker1Id && a.EndedOn == null && a.Type == ArrangementType.Supervised).ToListAsync(ct))
            .OrderBy(a => a.FirstDate).ThenBy(a => a.StartTime).Take(2).ToList();
        foreach (var a in two)
        {
            db.Entry(a).Property(x => x.WorkersNeeded).CurrentValue = 2;
        }
        await db.SaveChangesAsync(ct);
    }
}
