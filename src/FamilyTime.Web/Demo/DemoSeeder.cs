using Bogus;
using FamilyTime.Data;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.People;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// A realistic, synthetic service: areas, teams, social workers, carer households, and children of every age and
/// legal status in sibling groups (some placed apart) with their families. Generated from a fixed seed, so the same
/// data comes back each time; every name and address is made up.
/// </summary>
public sealed partial class DemoSeeder(FamilyTimeDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, Domain.Plans.BankHolidays holidays, ILogger<DemoSeeder> log)
{
    private static readonly string[] AreaNames = ["North", "Central", "South"];
    private static readonly string[] Languages = ["English", "English", "English", "English", "Polish", "Urdu", "Romanian", "Arabic", "Somali", "Punjabi"];
    private static readonly string[] Ethnicities = ["White British", "White British", "White British", "Mixed White and Black Caribbean", "Pakistani", "Black African", "White Other", "Bangladeshi", "Gypsy/Roma"];
    private static readonly string[] ChildWords = ["family time", "family time", "seeing Mum", "time with my family", "seeing my brothers and sisters", "Mum and Dad time"];

    /// <summary>Seeds an empty database; answers false, changing nothing, when it already holds children.</summary>
    public async Task<bool> SeedAsync(int childCount, CancellationToken ct)
    {
        // The roles are made with the database (DatabaseSetup.MigrateAsync).
        if (await db.Children.AnyAsync(ct))
        {
            return false;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = clock.Today();
        var f = new Faker("en_GB") { Random = new Randomizer(2026) };

        var areas = AreaNames.Select(n => new Area(n)).ToList();
        var teams = areas.SelectMany(a => new[] { new Team($"{a.Name} Children in Care 1", a.Id), new Team($"{a.Name} Children in Care 2", a.Id) }).ToList();
        db.Areas.AddRange(areas);
        db.Teams.AddRange(teams);

        var householdCount = Math.Max(80, childCount * 80 / 250);
        // Homes are in the districts of their area's postcode area, as the venues are, so the rota's journeys from home
        // (short ones for babies) mean something; the postcode is still the Faker's, only reshaped.
        var households = Enumerable.Range(0, householdCount).Select(i =>
        {
            var surname = f.Name.LastName();
            return new CarerHousehold(i == 0 ? "Sarah and James Whitfield" : $"{f.Name.FirstName()} and {f.Name.FirstName()} {surname}",
                f.Address.StreetAddress(), DemoVenues.Postcode(i % areas.Count, f.Address.ZipCode()), areas[i % areas.Count].Id).InTown(_home.Address.City());
        }).ToList();
        db.CarerHouseholds.AddRange(households);
        var venues = DemoVenues.For(areas, f, today);
        db.Venues.AddRange(venues);
        var venuesByArea = venues.GroupBy(v => v.AreaId).ToDictionary(g => g.Key, g => g.ToList());

        // Demo accounts first: they need passwords. Everyone else is generated without one and cannot sign in.
        var demo = new Dictionary<string, ApplicationUser>();
        foreach (var (userName, role, name) in DemoAccounts.All)
        {
            var user = new ApplicationUser
            {
                UserName = userName, DisplayName = name, Email = $"{userName}@example.org", EmailConfirmed = true,
                TeamId = role is Roles.SocialWorker or Roles.TeamManager ? teams[0].Id : null,
                AreaId = role == Roles.ContactCoordinator ? areas[0].Id : null,
                CarerHouseholdId = role == Roles.Carer ? households[0].Id : null,
                TrainedToAssess = role == Roles.ContactWorker,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, role));
            demo[userName] = user;
        }

        var socialWorkers = new List<ApplicationUser> { demo["socialworker1"] };
        var workerCount = Math.Max(30, childCount / 9);
        for (var i = 1; i < workerCount; i++)
        {
            socialWorkers.Add(StaffMember(f.Name.FullName(), teams[i % teams.Count].Id));
        }
        var iros = new List<ApplicationUser> { demo["iro1"] };
        for (var i = 1; i < Math.Max(6, childCount / 60); i++)
        {
            iros.Add(StaffMember(f.Name.FullName(), null));
        }
        var contactWorkers = new List<ApplicationUser> { demo["contactworker1"] };
        for (var i = 1; i < Math.Max(10, childCount / 25); i++)
        {
            contactWorkers.Add(StaffMember(f.Name.FullName(), null));
        }
        await AddStaffAsync(socialWorkers.Skip(1), Roles.SocialWorker, ct);
        await AddStaffAsync(iros.Skip(1), Roles.Iro, ct);
        // The demo's contact workers are all trained to assess, so any of them may observe assessed family time.
        contactWorkers.ForEach(w => w.TrainedToAssess = true);
        await AddStaffAsync(contactWorkers.Skip(1), Roles.ContactWorker, ct);

        var plans = new DemoPlans(f, today, clock.GetUtcNow().UtcDateTime, holidays, venuesByArea);
        var teamAreas = teams.ToDictionary(t => t.Id, t => t.AreaId);
        var made = 0;
        var family = 0;
        while (made < childCount)
        {
            // The first families belong to the demo social worker, so every demo account has real children in reach.
            var worker = family < 5 ? socialWorkers[0] : f.PickRandom(socialWorkers);
            var size = Math.Min(childCount - made, family == 0 ? 3 : f.Random.WeightedRandom([1, 2, 3, 4], [0.45f, 0.3f, 0.17f, 0.08f]));
            // The first families' IRO is iro1, so the demo IRO has proposals to decide on.
            var iro = f.PickRandom(iros);
            var children = MakeFamily(f, today, size, worker, family < 5 ? iros[0] : iro, households, family);
            foreach (var child in children)
            {
                if (family < 5 || f.Random.Bool(0.3f))
                {
                    var cw = family < 3 ? contactWorkers[0] : f.PickRandom(contactWorkers);
                    db.SupervisorAssignments.Add(new SupervisorAssignment(child.Id, cw.Id, child.CameIntoCareOn));
                }
            }
            var supervisor = family < 3 ? contactWorkers[0].Id : f.PickRandom(contactWorkers).Id;
            var (familyPlans, sessions) = plans.For(children, teamAreas[worker.TeamId!.Value], worker, supervisor, alwaysAgree: family < 2);
            db.ContactPlans.AddRange(familyPlans);
            db.Sessions.AddRange(sessions);
            db.ContactRecords.AddRange(plans.Records);
            plans.Records.Clear();
            foreach (var child in children.Where(c => familyPlans.Any(p => p.ChildId == c.Id && p.Arrangements.Any(a => a.SupervisorId == supervisor))))
            {
                if (!db.SupervisorAssignments.Local.Any(a => a.ChildId == child.Id && a.UserId == supervisor))
                {
                    db.SupervisorAssignments.Add(new SupervisorAssignment(child.Id, supervisor, today));
                }
            }
            if (family == 0)
            {
                // parent1 is the mother of the first family's children.
                foreach (var mother in children.SelectMany(c => c.People).Where(p => p.Relationship == Relationship.Mother))
                {
                    mother.LinkPortalAccount(demo["parent1"].Id);
                }
                // youngperson1 is the eldest of them, who has their own account to say how family time feels.
                var eldest = children.OrderBy(c => c.DateOfBirth).First();
                eldest.LinkYoungPersonAccount(demo["youngperson1"].Id);
                demo["youngperson1"].DisplayName = $"{eldest.KnownAs} {eldest.LastName}";
                await users.UpdateAsync(demo["youngperson1"]);
            }
            made += children.Count;
            family++;
            if (family % 100 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await DemoChanges.AddAsync(db, demo["socialworker1"].Id, demo["socialworker1"].DisplayName, demo["iro1"].Id, today, clock.GetUtcNow().UtcDateTime, ct);
        await DemoRingingIn.AddAsync(db, demo["parent1"].Id, demo["carer1"].CarerHouseholdId, ct);
        db.ChangeTracker.Clear();
        await DemoCarers.AddAsync(db, demo["carer1"].Id, today, clock.GetUtcNow().UtcDateTime, ct);
        await DemoTravel.AddAsync(db, demo["parent1"].Id, demo["manager1"].Id, demo["manager1"].DisplayName, demo["socialworker1"].Id, today, clock.GetUtcNow().UtcDateTime, ct);
        var sessionalWorkers = DemoWorkers.SessionalNames.Select(n => StaffMember(n, null)).ToList();
        sessionalWorkers.ForEach(w => w.TrainedToAssess = true);
        await AddStaffAsync(sessionalWorkers, Roles.ContactWorker, ct);
        await DemoWorkers.AddAsync(db, demo["contactworker1"].Id, today, ct);
        db.ChangeTracker.Clear();
        Seeded(log, made, family, started.Elapsed.TotalSeconds);
        return true;
    }

    // The homes' towns and the children's schools come from their own generator, so the rest of the demo data
    // stays exactly as it was before they were added.
    private readonly Faker _home = new("en_GB") { Random = new Randomizer(4242) };

    private List<Child> MakeFamily(Faker f, DateOnly today, int size, ApplicationUser worker, ApplicationUser iro, List<CarerHousehold> households, int familyIndex)
    {
        var surname = f.Name.LastName();
        var language = f.PickRandom(Languages);
        var ethnicity = f.PickRandom(Ethnicities);
        var status = familyIndex == 0 ? LegalStatus.InterimCareOrder : f.Random.WeightedRandom(
            [LegalStatus.InterimCareOrder, LegalStatus.CareOrder, LegalStatus.Section20, LegalStatus.PlacementOrder, LegalStatus.SpecialGuardianshipOrder, LegalStatus.ChildArrangementsOrder, LegalStatus.LeftCare],
            [0.2f, 0.4f, 0.18f, 0.08f, 0.05f, 0.03f, 0.06f]);
        var cameIntoCare = today.AddDays(-f.Random.Int(familyIndex == 0 ? 20 : 10, 4 * 365));
        var mother = $"{f.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {surname}";
        if (familyIndex == 0)
        {
            mother = $"Kelly {surname}";
        }
        var father = f.Random.Bool(0.7f) ? $"{f.Name.FirstName(Bogus.DataSets.Name.Gender.Male)} {f.Random.ArrayElement([surname, f.Name.LastName()])}" : null;
        var motherAddress = $"{f.Address.StreetAddress()}, {f.Address.City()}, {f.Address.ZipCode()}";
        // Brothers and sisters together where possible; some groups are placed apart.
        var apart = size > 1 && f.Random.Bool(familyIndex == 0 ? 1f : 0.4f);
        var sharedHome = familyIndex < 2 ? households[0] : f.PickRandom(households);

        var children = new List<Child>();
        for (var i = 0; i < size; i++)
        {
            var female = f.Random.Bool();
            var age = status == LegalStatus.LeftCare ? f.Random.Int(18, 21) : f.Random.Int(0, 17);
            var dob = today.AddDays(-(age * 365 + f.Random.Int(0, 364)) - 1);
            var careStart = cameIntoCare < dob ? dob.AddDays(1) : cameIntoCare;
            var inProceedings = status == LegalStatus.InterimCareOrder;
            // Children now under an SGO or CAO, or who have left care, came into care on a care order first.
            var firstStatus = !LegalStatusRules.IsInCare(status) ? LegalStatus.CareOrder
                : status == LegalStatus.CareOrder && f.Random.Bool(0.5f) ? LegalStatus.InterimCareOrder
                : status;
            var residential = age >= 12 && f.Random.Bool(0.2f);
            var home = apart && i > 0 ? f.PickRandom(households) : sharedHome;
            var child = Child.ComeIntoCare(
                new ChildDetails(f.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), surname,
                    f.Random.Bool(0.15f) ? f.Name.FirstName() : null, dob, female ? "Female" : "Male", ethnicity, language, f.PickRandom(ChildWords)),
                new LegalStatusDetails(firstStatus, careStart, firstStatus == LegalStatus.InterimCareOrder),
                new PlacementDetails(residential ? PlacementKind.ResidentialHome : PlacementKind.CarerHousehold, residential ? null : home.Id,
                    residential ? $"{f.Address.City()} House" : null, careStart, f.Random.Bool(0.4f)),
                worker.Id, worker.TeamId!.Value, iro.Id, today);
            if (age is >= 4 and <= 16)
            {
                child.AttendSchool($"{_home.Address.City()} {(age < 11 ? "Primary School" : "Academy")}", $"{_home.Address.StreetName()}, {_home.Address.City()}");
            }
            if (firstStatus != status)
            {
                var orderDate = careStart.AddDays(f.Random.Int(0, Math.Max(0, today.DayNumber - careStart.DayNumber)));
                child.ChangeLegalStatus(new LegalStatusDetails(status, orderDate, false), today);
            }
            else if (inProceedings != child.InCareProceedings)
            {
                child.ChangeLegalStatus(new LegalStatusDetails(status, careStart, inProceedings), today);
            }
            child.AddPerson(new PersonDetails(mother, Relationship.Mother, true, false, motherAddress, f.Phone.PhoneNumber("07### ######"), null, language, language != "English" && f.Random.Bool(0.6f)));
            if (father is not null)
            {
                child.AddPerson(new PersonDetails(father, Relationship.Father, f.Random.Bool(0.7f), false, null, f.Phone.PhoneNumber("07### ######"), null, "English", false));
            }
            if (f.Random.Bool(0.35f))
            {
                child.AddPerson(new PersonDetails($"{f.Name.FirstName()} {surname}", Relationship.Grandparent, false, false, $"{f.Address.StreetAddress()}, {f.Address.City()}", f.Phone.PhoneNumber("01### ######"), null, language, false));
            }
            if (f.Random.Bool(0.1f))
            {
                child.AddPerson(new PersonDetails(f.Name.FullName(), Relationship.FormerCarer, false, false, null, null, null, "English", false));
            }
            children.Add(child);
        }
        foreach (var child in children)
        {
            foreach (var sibling in children.Where(s => s != child))
            {
                var person = child.AddPerson(new PersonDetails(sibling.FullName, sibling.Gender == "Female" ? Relationship.Sister : Relationship.Brother, false, false, null, null, null, language, false));
                person.LinkSibling(sibling.Id);
            }
        }
        db.Children.AddRange(children);
        return children;
    }

    private static ApplicationUser StaffMember(string name, Guid? teamId)
    {
        var userName = $"{name.ToLowerInvariant().Replace(' ', '.').Replace('\'', '-')}.{Guid.NewGuid().ToString("N")[..6]}";
        return new ApplicationUser
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = name, TeamId = teamId,
            SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
    }

    private async Task AddStaffAsync(IEnumerable<ApplicationUser> staff, string role, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstAsync(ct);
        foreach (var user in staff)
        {
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Children} children in {Families} families seeded in {Seconds:F1} s")]
    private static partial void Seeded(ILogger logger, int children, int families, double seconds);
}
