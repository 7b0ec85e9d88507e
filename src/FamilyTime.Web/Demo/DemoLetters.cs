using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Plans.Letters;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Demo;

/// <summary>
/// The written notice that followed each agreed plan of the demo social worker's children: every person's letter,
/// version 1, kept and sent the way agreeing a plan sends it (guidance sections 7 and 8). The seeder lays plans down
/// as history, without the agree step, so without this the demo's agreed plans would show letters "not written yet".
/// </summary>
public sealed class DemoLetters(FamilyTimeDbContext db, ChildContextLoader children, ParentLetterIssuer letters)
{
    public async Task IssueAsync(string userName, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, ct);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name!).ToListAsync(ct);
        var actor = new Actor(new UserScope(user.Id, roles.ToHashSet(StringComparer.Ordinal), user.TeamId, user.AreaId, user.CarerHouseholdId), userName, user.DisplayName);
        var agreed = await db.ContactPlans.AsNoTracking()
            .Where(p => p.AgreedVersion > 0 && db.Children.Any(c => c.Id == p.ChildId && c.SocialWorkerId == user.Id))
            .Select(p => new { p.ChildId, p.AgreedVersion, Arrangements = p.Arrangements.Where(a => a.EndedOn == null).Select(a => a.Id).ToList() })
            .ToListAsync(ct);
        foreach (var plan in agreed)
        {
            if (await children.LoadAsync(actor, plan.ChildId, ct) is { } child)
            {
                await letters.IssueAllAsync(child, plan.Arrangements, $"Version {plan.AgreedVersion} of the plan was agreed", ct);
            }
        }
    }
}
