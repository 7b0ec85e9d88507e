using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>Records a review of one arrangement, or of the whole plan when no arrangement is named.</summary>
[ForChild(ChildOperation.ManageChanges)]
public sealed class CompleteModel(CompleteReview complete, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateParts NextReviewOn { get; set; } = new();

    /// <summary>Who took part; a child who did not take part has the reason recorded.</summary>
    [BindProperty] public bool ChildTookPart { get; set; }
    [BindProperty] public string? ChildNotWhy { get; set; }
    [BindProperty] public bool CarersTookPart { get; set; }
    [BindProperty] public bool ParentsTookPart { get; set; }
    [BindProperty] public string? Others { get; set; }
    [BindProperty] public string? SupervisionProgress { get; set; }

    /// <summary>The supervised or assessed arrangements whose progress towards less supervision this review records.</summary>
    public IReadOnlyList<SupervisedUnderReview> Supervised { get; private set; } = [];

    public DueReview Review { get; private set; } = default!;
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? arrangementId, CancellationToken ct)
    {
        if (!await LoadAsync(arrangementId, ct))
        {
            return NotFound();
        }
        HeldOn = DateParts.From(clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? arrangementId, CancellationToken ct)
    {
        if (!await LoadAsync(arrangementId, ct))
        {
            return NotFound();
        }
        var child = await HttpContext.ChildAsync();
        var errors = new ValidationErrors();
        var held = HeldOn.ToDate("HeldOn", "The date of the review", errors);
        var next = NextReviewOn.ToDate("NextReviewOn", "The date of the next review", errors);
        var outcome = errors.IsValid
            ? await complete.HandleAsync(child, new ReviewHeld(arrangementId, held, Outcome, next,
                new ReviewParticipation(ChildTookPart, ChildNotWhy, CarersTookPart, ParentsTookPart, Others), SupervisionProgress), ct)
            : Outcome<Guid>.Invalid(errors);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = $"The review is recorded. The next review of {Review.ReviewOf} is due on {next:d MMMM yyyy}.";
            return Redirect(ChildLinks.Reviews(child.ChildId));
        });
    }

    private async Task<bool> LoadAsync(Guid? arrangementId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildName = child.Name;
        var review = await complete.DueAsync(child, arrangementId, ct);
        Review = review!;
        if (review is not null)
        {
            Supervised = await complete.SupervisedAsync(child.ChildId, arrangementId, ct);
        }
        return review is not null;
    }
}
