using FamilyTime.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// For each demo account, a child that DOMAIN.md says is theirs and one that is not, worked out from the raw
/// records here, independently of the application's access policy.
/// </summary>
public static class Reach
{
    public static async Task<(Guid? Inside, Guid Outside)> ForAsync(FamilyTimeDbContext db, string userName)
    {
        var (inside, outside) = await AllAsync(db, userName);
        return (inside.Count > 0 ? inside[0] : null, outside);
    }

    /// <summary>Every child in the user's reach (in the database's order), and one out of it.</summary>
    public static async Task<(IReadOnlyList<Guid> Inside, Guid Outside)> AllAsync(FamilyTimeDbContext db, string userName)
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var children = await db.Children.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.SocialWorkerId, c.TeamId, c.IroId, c.YoungPersonUserId,
                Area = db.Teams.Where(t => t.Id == c.TeamId).Select(t => t.AreaId).First(),
                Household = c.Placements.Where(p => p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefault(),
                Supervised = db.SupervisorAssignments.Any(a => a.ChildId == c.Id && a.UserId == user.Id),
                Family = c.People.Any(p => p.PortalUserId == user.Id),
            })
            .ToListAsync();

        Func<Guid, bool> mine = userName switch
        {
            "socialworker1" => id => children.Single(c => c.Id == id).SocialWorkerId == user.Id,
            "manager1" => id => children.Single(c => c.Id == id).TeamId == user.TeamId,
            "headofservice1" => _ => true,
            "iro1" => id => children.Single(c => c.Id == id).IroId == user.Id,
            "carer1" => id => children.Single(c => c.Id == id).Household == user.CarerHouseholdId,
            "contactworker1" => id => children.Single(c => c.Id == id).Supervised,
            "coordinator1" => id => children.Single(c => c.Id == id).Area == user.AreaId,
            "parent1" => id => children.Single(c => c.Id == id).Family,
            "youngperson1" => id => children.Single(c => c.Id == id).YoungPersonUserId == user.Id,
            "admin" => _ => false,
            _ => throw new ArgumentOutOfRangeException(nameof(userName)),
        };
        var inside = children.Where(c => mine(c.Id)).Select(c => c.Id).ToList();
        // The head of service reaches every child, so "outside" is a record that does not exist: it must answer the same 404.
        var outside = children.Where(c => !mine(c.Id)).Select(c => c.Id).FirstOrDefault();
        return (inside, outside == Guid.Empty ? Guid.NewGuid() : outside);
    }
}
