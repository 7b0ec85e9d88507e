using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>Records a review of one arrangement, or of the whole plan when no arrangement is named.</summary>
[ForChild(ChildOperation.ManageChanges)]
public sealed class CompleteModel(ReviewWorkflow workflow, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateParts NextReviewOn { get; set; } = new();

    public DueReview Review { get; private set; } = default!;
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? arrangementId, CancellationToken ct)
    {
        var refused = await LoadAsync(id, arrangementId, ct);
        if (refused is null)
        {
            HeldOn = DateParts.From(clock.Today());
        }
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? arrangementId, CancellationToken ct)
    {
        if (await LoadAsync(id, arrangementId, ct) is { } refused)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        var held = HeldOn.ToDate("HeldOn", "The date of the review", errors);
        var next = NextReviewOn.ToDate("NextReviewOn", "The date of the next review", errors);
        var outcome = errors.IsValid
            ? await workflow.CompleteAsync(User.Actor(), id, arrangementId, held, Outcome, next, ct)
            : Outcome<Guid>.Invalid(errors);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = $"The review is recorded. The next review of {Review.ReviewOf} is due on {next:d MMMM yyyy}.";
            return Redirect($"/Children/{id}/Reviews");
        });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? arrangementId, CancellationToken ct)
    {
        var view = await workflow.ReadAsync(User.Scope(), id, ct);
        if (view is null || view.Due.FirstOrDefault(r => r.ArrangementId == arrangementId) is not { } review)
        {
            return NotFound();
        }
        if (!view.CanEdit)
        {
            return Forbid();
        }
        Review = review;
        ChildName = view.ChildName;
        return null;
    }
}
