using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>One suspension: its clock, and recording the discussions, resumption or the section 34(4) application.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class DetailsModel(SuspensionWorkflow workflow, ChildAccessPolicy access) : PageModel
{
    public SuspensionView? View { get; private set; }
    public bool CanEdit { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    [BindProperty] public DateParts On { get; set; } = new();
    [BindProperty] public DateParts AdviceOn { get; set; } = new();
    [BindProperty] public string? Advice { get; set; }
    [BindProperty] public string? Reference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid suspensionId, CancellationToken ct) => await LoadAsync(id, suspensionId, ct) ?? Page();

    public Task<IActionResult> OnPostManagerAsync(Guid id, Guid suspensionId, CancellationToken ct) =>
        ActAsync(id, suspensionId, d => workflow.DiscussedAsync(User.Actor(), id, suspensionId, true, d, ct), "The discussion with the team manager is recorded.", ct);

    public Task<IActionResult> OnPostIroAsync(Guid id, Guid suspensionId, CancellationToken ct) =>
        ActAsync(id, suspensionId, d => workflow.DiscussedAsync(User.Actor(), id, suspensionId, false, d, ct), "The discussion with the IRO is recorded.", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, Guid suspensionId, CancellationToken ct) =>
        ActAsync(id, suspensionId, d => workflow.ResumeAsync(User.Actor(), id, suspensionId, d, ct), "Family time has resumed; later sessions are planned again.", ct);

    public async Task<IActionResult> OnPostApplicationAsync(Guid id, Guid suspensionId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var advised = AdviceOn.ToDate("LegalAdviceOn", "The date of the legal advice", errors);
        return await ActAsync(id, suspensionId, d => errors.IsValid
            ? workflow.ApplicationAsync(User.Actor(), id, suspensionId, advised, Advice, d, Reference, ct)
            : Task.FromResult(Outcome<Guid>.Invalid(errors)), "The section 34(4) application is recorded.", ct);
    }

    private async Task<IActionResult> ActAsync(Guid id, Guid suspensionId, Func<DateOnly?, Task<Outcome<Guid>>> act, string done, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var on = On.ToDate("On", "The date", errors);
        var outcome = errors.IsValid ? await act(on) : Outcome<Guid>.Invalid(errors);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Saved = done;
                return Redirect($"/Children/{id}/Suspensions/{suspensionId}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                break;
            default:
                // The domain names the date field after what it is; the page has one date box per form.
                ModelState.AddAll(outcome.Errors!.ToDictionary(e => e.Key is "DiscussedOn" or "ResumedOn" or "ApplicationMadeOn" ? "On" : e.Key == "LegalAdviceOn" ? "AdviceOn" : e.Key, e => e.Value), "");
                break;
        }
        return await LoadAsync(id, suspensionId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid suspensionId, CancellationToken ct)
    {
        var (level, canEdit) = await access.CheckAsync(User.Scope(), id, ct);
        if (level < Domain.Access.ChildAccess.Case)
        {
            return NotFound();
        }
        CanEdit = canEdit;
        View = await workflow.ReadAsync(id, suspensionId, ct);
        return View is null ? NotFound() : null;
    }
}
