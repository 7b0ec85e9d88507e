using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Plans;

/// <summary>The child's family-time plan: arrangements, who has been considered, versions, and agreeing it.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class IndexModel(PlanReader reader, Letters.ParentLetters letters) : PageModel
{
    /// <summary>Each person's latest letter for each arrangement: which are sent, and how.</summary>
    public IReadOnlyDictionary<(Guid ArrangementId, Guid PersonId), Letters.IssuedLetter> LatestLetters { get; private set; } = new Dictionary<(Guid, Guid), Letters.IssuedLetter>();

    public IReadOnlyList<ChangeUnderWay> Changes { get; private set; } = [];

    public PlanView Plan { get; private set; } = default!;
    public IReadOnlyList<Suspensions.SuspensionView> Suspended { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    [BindProperty]
    public DateParts NextReviewOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [ForChild(ChildOperation.AgreePlan)]
    public async Task<IActionResult> OnPostAgreeAsync([FromServices] AgreePlan agree, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(await agree.HandleAsync(child, ct), agreed =>
        {
            Saved = $"Version {agreed.VersionNumber} of the plan is agreed. {agreed.SessionsPlanned} sessions are planned for the next 12 months.";
            return Redirect(ChildLinks.Plan(child.ChildId));
        }, ct);
    }

    [ForChild(ChildOperation.AgreePlan)]
    public async Task<IActionResult> OnPostShareAsync([FromServices] SharePlan share, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(await share.HandleAsync(child, ct), _ =>
        {
            Saved = "The plan is recorded as shared with the family today.";
            return Redirect(ChildLinks.Plan(child.ChildId));
        }, ct);
    }

    [ForChild(ChildOperation.EditPlan)]
    public async Task<IActionResult> OnPostReviewAsync([FromServices] SetNextReview review, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var errors = new Domain.Common.ValidationErrors();
        var on = NextReviewOn.ToDate("NextReviewOn", "The next plan review", errors);
        var outcome = errors.IsValid ? await review.HandleAsync(child, on, ct) : Outcome<bool>.Invalid(errors);
        return await AnswerAsync(outcome, _ =>
        {
            Saved = $"The next plan review is set for {on:d MMMM yyyy}.";
            return Redirect(ChildLinks.Plan(child.ChildId));
        }, ct);
    }

    /// <summary>On success where the use case says; otherwise the plan again, read after the attempt, with the problems.</summary>
    private async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, Func<T, IActionResult> ok, CancellationToken ct)
    {
        var answer = this.Answer(outcome, ok);
        if (answer is PageResult)
        {
            await LoadAsync(ct);
        }
        return answer;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = await reader.ReadAsync(await HttpContext.ChildAsync(), ct);
        Plan = page.Plan;
        Suspended = page.Suspended;
        Changes = page.ChangesUnderWay;
        LatestLetters = await letters.LatestAsync(Plan.ChildId, ct);
        if (NextReviewOn.IsEmpty)
        {
            NextReviewOn = DateParts.From(Plan.NextReviewOn);
        }
    }
}
