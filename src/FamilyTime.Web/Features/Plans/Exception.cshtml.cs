using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>A head of service approves supervised family time for a child accommodated under section 20.</summary>
[ForChild(ChildOperation.ApproveException)]
public sealed class ExceptionModel(PlanReader reader) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PlanView Plan { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Plan = (await reader.ReadAsync(await HttpContext.ChildAsync(), ct)).Plan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] ApproveSupervisionException approve, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Plan = (await reader.ReadAsync(child, ct)).Plan;
        var outcome = await approve.HandleAsync(child, Reason, ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = "The exception has been recorded: family time may now be supervised or assessed.";
            return Redirect(ChildLinks.Plan(child.ChildId));
        });
    }
}
