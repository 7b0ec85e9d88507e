using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Wellbeing;

public enum WellbeingRole
{
    None,
    Carer,
    CaseHolder,
}

/// <summary>
/// Who may see and record how the child was before and after family time: the carers the child lives with, who
/// notice it, and those who hold the case. Contact workers, coordinators and parents support or attend the sessions
/// but do not see what happens at home, so the page answers them as if there were no child.
/// </summary>
public sealed class WellbeingReach(FamilyTimeDbContext db, ChildAccessPolicy access)
{
    public async Task<WellbeingRole> CheckAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        var (level, _) = await access.CheckAsync(actor.Scope, childId, ct);
        if (level == ChildAccess.Case)
        {
            return WellbeingRole.CaseHolder;
        }
        if (level < ChildAccess.Support || !actor.Scope.Is(Roles.Carer) || actor.Scope.CarerHouseholdId is not { } household)
        {
            return WellbeingRole.None;
        }
        var lives = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => c.Placements.Where(p => p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        return lives == household ? WellbeingRole.Carer : WellbeingRole.None;
    }
}
