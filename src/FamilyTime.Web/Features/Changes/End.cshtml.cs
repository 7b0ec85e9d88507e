using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Changes;

/// <summary>Propose ending an arrangement: it goes to the IRO, and nothing ends until every step is done.</summary>
[ForChild(ChildOperation.ManageChanges)]
public sealed class EndModel(ChangeWorkflow workflow, ChildAccessPolicy access, Plans.PlanReader reader) : PageModel
{
    [BindProperty]
    public string? Reasons { get; set; }

    public string With { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid arrangementId, CancellationToken ct) => await LoadAsync(id, arrangementId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid arrangementId, CancellationToken ct)
    {
        if (await LoadAsync(id, arrangementId, ct) is { } refused)
        {
            return refused;
        }
        var outcome = await workflow.ProposeEndingAsync(User.Actor(), id, arrangementId, Reasons, ct);
        return this.Answer(outcome, changeId =>
        {
            TempData["Saved"] = "The proposal to end this family time has gone to the independent reviewing officer. Family time continues until every step below is done.";
            return Redirect(ChangeWorkflow.Link(id, changeId));
        });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid arrangementId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(User.Scope(), id, ct);
        if (level < Domain.Access.ChildAccess.Case)
        {
            return NotFound();
        }
        if (!canEdit)
        {
            return Forbid();
        }
        var plan = await reader.ReadAsync(User.Actor(), id, ct);
        var arrangement = plan.Value?.Arrangements.FirstOrDefault(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return NotFound();
        }
        With = arrangement.Names;
        return null;
    }
}
