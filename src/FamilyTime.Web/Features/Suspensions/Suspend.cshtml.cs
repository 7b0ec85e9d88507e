using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Suspensions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>Suspends an arrangement in an emergency, for up to 7 days.</summary>
[ForChild(ChildOperation.Suspend)]
public sealed class SuspendModel(SuspendFamilyTime suspend, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DateParts StartedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public Guid ChildId { get; private set; }

    /// <summary>What may follow the suspension for this child: a section 34(4) application only where section 34 applies.</summary>
    public SuspensionRoute Route { get; private set; }

    /// <summary>The form, for an arrangement of this child only: another child's arrangement is not found here.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid arrangementId, [FromServices] Data.FamilyTimeDbContext db, CancellationToken ct)
    {
        if (!await db.Arrangements.AnyAsync(a => a.Id == arrangementId && a.ChildId == id, ct))
        {
            return NotFound();
        }
        ChildId = id;
        Route = SuspensionRoutes.For((await HttpContext.ChildAsync()).LegalStatus);
        StartedOn = DateParts.From(clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid arrangementId, CancellationToken ct)
    {
        ChildId = id;
        var child = await HttpContext.ChildAsync();
        Route = SuspensionRoutes.For(child.LegalStatus);
        var errors = new ValidationErrors();
        var start = StartedOn.ToDate("StartedOn", "The start date", errors);
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "");
            return Page();
        }
        var outcome = await suspend.HandleAsync(child, new SuspensionStarted(arrangementId, start, Reasons), ct);
        return this.Answer(outcome, suspensionId =>
        {
            TempData["Saved"] = $"Family time is suspended. Talk with the team manager and the IRO, and record it here; before day 7 resume family time, or {SuspensionRoutes.Otherwise(Route)}.";
            return Redirect(ChildLinks.Suspension(id, suspensionId));
        });
    }
}
