using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>The child's family-time plan: arrangements, who has been considered, versions, and agreeing it.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class IndexModel(PlanReader reader, PlanWorkflow workflow, Suspensions.OpenSuspensions suspensions, Changes.ChangeReader changes) : PageModel
{
    public IReadOnlyList<Changes.ChangeLine> Changes { get; private set; } = [];

    public PlanView Plan { get; private set; } = default!;
    public IReadOnlyList<Suspensions.SuspensionView> Suspended { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    [BindProperty]
    public DateParts NextReviewOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAgreeAsync(Guid id, CancellationToken ct)
    {
        var outcome = await workflow.AgreeAsync(User.Actor(), id, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Saved = $"Version {outcome.Value!.VersionNumber} of the plan is agreed. {outcome.Value.SessionsPlanned} sessions are planned for the next 12 months.";
            return Redirect($"/Children/{id}/Plan");
        }
        return await ShowAsync(id, outcome.Kind, outcome.Errors, outcome.Message, ct);
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct)
    {
        var outcome = await workflow.ShareAsync(User.Actor(), id, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Saved = "The plan is recorded as shared with the family today.";
            return Redirect($"/Children/{id}/Plan");
        }
        return await ShowAsync(id, outcome.Kind, outcome.Errors, outcome.Message, ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        var errors = new Domain.Common.ValidationErrors();
        var on = NextReviewOn.ToDate("NextReviewOn", "The next plan review", errors);
        if (!errors.IsValid)
        {
            return await ShowAsync(id, OutcomeKind.Invalid, errors.ByField, null, ct);
        }
        var outcome = await workflow.SetNextReviewAsync(User.Actor(), id, on, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Saved = $"The next plan review is set for {on:d MMMM yyyy}.";
            return Redirect($"/Children/{id}/Plan");
        }
        return await ShowAsync(id, outcome.Kind, outcome.Errors, outcome.Message, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, OutcomeKind kind, IReadOnlyDictionary<string, string[]>? errors, string? message, CancellationToken ct)
    {
        switch (kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", message!);
                break;
            default:
                ModelState.AddAll(errors!, "");
                break;
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var outcome = await reader.ReadAsync(User.Actor(), id, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }
        Plan = outcome.Value!;
        Suspended = await suspensions.OpenAsync(id, ct);
        Changes = await changes.ForChildAsync(id, ct);
        if (NextReviewOn.IsEmpty)
        {
            NextReviewOn = DateParts.From(Plan.NextReviewOn);
        }
        return null;
    }
}
