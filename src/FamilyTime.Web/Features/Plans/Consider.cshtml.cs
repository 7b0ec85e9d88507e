using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Records why a parent, brother or sister has no family time in the plan for now.</summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class ConsiderModel(PlanReader reader, PlanWorkflow workflow) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PlanView Plan { get; private set; } = default!;
    public ConsideredView Person { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid personId, CancellationToken ct)
    {
        if (await PrepareAsync(id, personId, ct) is { } refused)
        {
            return refused;
        }
        Reason = Person.ReasonForNone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid personId, CancellationToken ct)
    {
        if (await PrepareAsync(id, personId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await workflow.ConsiderAsync(User.Actor(), id, personId, Reason, ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = $"The reason there is no family time with {Person.FullName} has been recorded.";
            return Redirect($"/Children/{id}/Plan#considered");
        });
    }

    private async Task<IActionResult?> PrepareAsync(Guid id, Guid personId, CancellationToken ct)
    {
        var plan = await reader.ReadAsync(User.Actor(), id, ct);
        if (plan.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (plan.Kind != OutcomeKind.Ok || !plan.Value!.CanEdit)
        {
            return Forbid();
        }
        Plan = plan.Value;
        var person = Plan.Considered.FirstOrDefault(c => c.PersonId == personId);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        return null;
    }
}
