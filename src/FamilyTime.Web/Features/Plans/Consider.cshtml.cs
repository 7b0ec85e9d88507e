using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Records why a parent, brother or sister has no family time in the plan for now.</summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class ConsiderModel(PlanReader reader) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PlanView Plan { get; private set; } = default!;
    public ConsideredView Person { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken ct)
    {
        if (!await FoundAsync(await HttpContext.ChildAsync(), personId, ct))
        {
            return NotFound();
        }
        Reason = Person.ReasonForNone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, [FromServices] RecordConsideration record, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        if (!await FoundAsync(child, personId, ct))
        {
            return NotFound();
        }
        var outcome = await record.HandleAsync(child, personId, Reason, ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = $"The reason there is no family time with {Person.FullName} has been recorded.";
            return Redirect(ChildLinks.Considered(child.ChildId));
        });
    }

    /// <summary>Only a parent, brother or sister on the child's record is considered this way.</summary>
    private async Task<bool> FoundAsync(ChildContext child, Guid personId, CancellationToken ct)
    {
        Plan = (await reader.ReadAsync(child, ct)).Plan;
        Person = Plan.Considered.FirstOrDefault(c => c.PersonId == personId)!;
        return Person is not null;
    }
}
