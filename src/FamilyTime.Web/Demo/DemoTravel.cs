using FamilyTime.Data;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Travel;
using FamilyTime.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Travel and a portfolio for the demo's first parent: a claim waiting for manager1, one approved, and a goal and an
/// achievement agreed with socialworker1. The rest of parent1's recent family time is left to claim for.
/// </summary>
public static class DemoTravel
{
    /// <summary>A real 1×1 PNG: the demo's receipt is a file its own check takes.</summary>
    private const string ReceiptPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC";

    public static async Task AddAsync(FamilyTimeDbContext db, string parentId, string managerId, string managerName, string workerId, DateOnly today, DateTime now, CancellationToken ct)
    {
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.PortalUserId == parentId).Select(p => new { p.Id, p.ChildId }).ToListAsync(ct);
        if (people.Count == 0)
        {
            return;
        }
        var personIds = people.Select(p => p.Id).ToHashSet();
        var childIds = people.Select(p => p.ChildId).Distinct().ToList();
        var arrangements = (await db.Arrangements.AsNoTracking().Where(a => childIds.Contains(a.ChildId)).Select(a => new { a.Id, a.PersonIds }).ToListAsync(ct))
            .Where(a => a.PersonIds.Any(personIds.Contains)).Select(a => (Guid?)a.Id).ToList();
        var from = today.AddMonths(-TravelClaim.MonthsBack);
        var held = await db.Sessions.AsNoTracking()
            .Where(s => arrangements.Contains(s.ArrangementId) && s.Date >= from && s.Date < today && (s.Status == SessionStatus.TookPlace || s.Status == SessionStatus.EndedEarly))
            .OrderByDescending(s => s.Date).ThenBy(s => s.Id).Take(2).ToListAsync(ct);
        var journeys = new[] { ("Bus stop on Station Road", "the family centre", TravelMode.Bus, "6.40"), ("New Street station", "the family centre", TravelMode.Train, "11.20") };
        for (var i = 0; i < held.Count; i++)
        {
            var (file, _) = StoredFile.From(parentId, Convert.FromBase64String(ReceiptPng), now.AddDays(-3 + i));
            var (claim, _) = TravelClaim.Make(held[i].Id, held[i].ChildId, held[i].Date, parentId,
                new TravelClaimInput(journeys[i].Item1, journeys[i].Item2, journeys[i].Item3, journeys[i].Item4), file!.Id, now.AddDays(-3 + i));
            db.StoredFiles.Add(file);
            db.TravelClaims.Add(claim!);
            if (i == 0)
            {
                db.Tasks.Add(Domain.Tasks.WorkTask.Create($"travel:{claim!.Id}:{managerId}", Domain.Tasks.TaskKind.TravelClaimToDecide, managerId, claim.ChildId,
                    $"A travel claim of £{claim.Pounds:0.00} for family time on {claim.SessionDate:d MMMM yyyy} waits for your decision", "/Travel", null, now.AddDays(-3)));
            }
            else
            {
                claim!.Approve(managerId, managerName, now.AddDays(-1));
            }
        }
        var person = people[0];
        var (goal, _) = PortfolioGoal.Add(person.ChildId, person.Id, PortfolioItemKind.Goal, "Finish the parenting course at the children's centre",
            "Eight Tuesday mornings; we agreed to look at how it is going at the next review.", today.AddDays(-20), workerId, now.AddDays(-20));
        var (achievement, _) = PortfolioGoal.Add(person.ChildId, person.Id, PortfolioItemKind.Achievement, "Came to every family time in October",
            null, today.AddDays(-10), workerId, now.AddDays(-10));
        db.PortfolioGoals.AddRange(goal!, achievement!);
        await db.SaveChangesAsync(ct);
    }
}
