using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>A head of service approves supervised family time for a child accommodated under section 20.</summary>
[ForChild(ChildOperation.ApproveException)]
public sealed class ExceptionModel(PlanReader reader, PlanWorkflow workflow) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PlanView Plan { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PrepareAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await workflow.RecordExceptionAsync(User.Actor(), id, Reason, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Saved"] = "The exception has been recorded: family time may now be supervised or assessed.";
                return Redirect($"/Children/{id}/Plan");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                ModelState.AddAll(outcome.Errors!, "");
                return Page();
        }
    }

    private async Task<IActionResult?> PrepareAsync(Guid id, CancellationToken ct)
    {
        var plan = await reader.ReadAsync(User.Actor(), id, ct);
        if (plan.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (plan.Kind != OutcomeKind.Ok || !plan.Value!.CanApproveException)
        {
            return Forbid();
        }
        Plan = plan.Value;
        return null;
    }
}
