using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// One proposed change and its steps: those who hold the case read it; the IRO's two steps are the child's IRO's,
/// the others the social worker's, each declared on its handler, so anyone else is refused before it runs.
/// </summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class DetailsModel(ChangeReader reader) : PageModel
{
    public static IReadOnlyList<SelectListItem> Decisions { get; } =
    [
        new("Agreed without a review", nameof(IroDecision.AgreedWithoutReview)),
        new("A child in care review will be convened", nameof(IroDecision.ReviewConvened)),
    ];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes, the review agreed the change", "yes"), new("No, the review did not agree it", "no")];

    public ChangeView View { get; private set; } = default!;

    [TempData]
    public string? Saved { get; set; }

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? IroReasons { get; set; }
    [BindProperty] public DateParts ReviewOn { get; set; } = new();
    [BindProperty] public string? ReviewAgreed { get; set; }
    [BindProperty] public string? ReviewNotes { get; set; }
    [BindProperty] public DateParts CourtAgreedOn { get; set; } = new();
    [BindProperty] public string? CourtReference { get; set; }
    [BindProperty] public string? WithdrawnReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid changeId, CancellationToken ct) => await LoadAsync(changeId, ct) ? Page() : NotFound();

    [ForChild(ChildOperation.DecideAsIro)]
    public async Task<IActionResult> OnPostDecideAsync(Guid changeId, [FromServices] DecideAsIro decide, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reviewOn = Decision == nameof(IroDecision.ReviewConvened) ? ReviewOn.ToDate("ReviewOn", "The date of the review", errors) : null;
        var decision = Enum.TryParse<IroDecision>(Decision, out var d) && Enum.IsDefined(d) ? d : IroDecision.None;
        return await ActAsync(changeId, errors, child => decide.HandleAsync(child, changeId, new IroDecisionMade(decision, IroReasons, reviewOn), ct),
            "Your decision is recorded and is on the child's file.", ct);
    }

    [ForChild(ChildOperation.DecideAsIro)]
    public Task<IActionResult> OnPostReviewAsync(Guid changeId, [FromServices] RecordReviewOutcome record, CancellationToken ct) =>
        ActAsync(changeId, new ValidationErrors(), child => record.HandleAsync(child, changeId,
            new ReviewOutcomeRecorded(ReviewAgreed switch { "yes" => true, "no" => false, _ => null }, ReviewNotes), ct),
            "The review's outcome is recorded.", ct);

    [ForChild(ChildOperation.ManageChanges)]
    public Task<IActionResult> OnPostCourtAsync(Guid changeId, [FromServices] RecordCourtAgreement record, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var on = CourtAgreedOn.ToDate("CourtAgreedOn", "The date the court agreed", errors);
        return ActAsync(changeId, errors, child => record.HandleAsync(child, changeId, new CourtAgreementRecorded(on, CourtReference), ct),
            "The court's agreement is recorded.", ct);
    }

    [ForChild(ChildOperation.ManageChanges)]
    public Task<IActionResult> OnPostNoticesAsync(Guid changeId, [FromServices] SendChangeNotices send, CancellationToken ct) =>
        ActAsync(changeId, new ValidationErrors(), child => send.HandleAsync(child, changeId, ct),
            "The notices are in the outbox: to the family, the carers, and the child's for you to give them.", ct);

    [ForChild(ChildOperation.ManageChanges)]
    public Task<IActionResult> OnPostEffectAsync(Guid changeId, [FromServices] TakeEffect takeEffect, CancellationToken ct) =>
        ActAsync(changeId, new ValidationErrors(), child => takeEffect.HandleAsync(child, changeId, ct),
            "The change has taken effect: the plan has a new version and the sessions follow it.", ct);

    [ForChild(ChildOperation.ManageChanges)]
    public Task<IActionResult> OnPostWithdrawAsync(Guid changeId, [FromServices] WithdrawChange withdraw, CancellationToken ct) =>
        ActAsync(changeId, new ValidationErrors(), child => withdraw.HandleAsync(child, changeId, WithdrawnReason, ct), "The proposal is withdrawn.", ct);

    private async Task<IActionResult> ActAsync(Guid changeId, ValidationErrors errors, Func<ChildContext, Task<Outcome<Guid>>> act, string done, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = errors.IsValid ? await act(child) : Outcome<Guid>.Invalid(errors);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = done;
            return Redirect(ChildLinks.Change(child.ChildId, changeId));
        },
        // The page shows the proposal again under its errors; a step that went through redirects without reading it.
        again: async show => await LoadAsync(changeId, ct) ? show() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid changeId, CancellationToken ct)
    {
        var view = await reader.ReadAsync(await HttpContext.ChildAsync(), changeId, ct);
        View = view!;
        return view is not null;
    }
}
