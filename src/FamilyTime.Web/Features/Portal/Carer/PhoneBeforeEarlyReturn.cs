using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Features.Suspensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>A carer who asked to be phoned before the child is brought home early, and the number to ring.</summary>
public sealed record PhoneFirst(string Name, string? Phone);

/// <summary>
/// On the pages where the contact worker runs and records a session: the carers of the child's home who asked to be
/// phoned before an early return. Only staff reach those pages; nothing here is shown to a family.
/// </summary>
public sealed class PhoneBeforeEarlyReturnViewComponent(FamilyTimeDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var household = await db.Placements.AsNoTracking().Where(p => p.ChildId == childId && p.EndDate == null).Select(p => p.CarerHouseholdId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (household is null)
        {
            return Content("");
        }
        var carers = await db.InRole(Roles.Carer).AsNoTracking()
            .Where(u => u.CarerHouseholdId == household && db.CarerAlertPreferences.Any(p => p.UserId == u.Id && p.PhoneBeforeEarlyReturn))
            .Select(u => new PhoneFirst(u.DisplayName, u.PhoneNumber)).ToListAsync(HttpContext.RequestAborted);
        return View("~/Features/Portal/Carer/_PhoneBeforeEarlyReturn.cshtml", carers);
    }
}
