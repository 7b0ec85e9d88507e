using FamilyTime.Domain.Access;
using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Changes;

/// <summary>One proposed change and its steps: the IRO's decision, a convened review, the court, notices, taking effect.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class DetailsModel(ChangeReader reader, ChangeWorkflow workflow) : PageModel
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

    public async Task<IActionResult> OnGetAsync(Guid id, Guid changeId, CancellationToken ct) => await LoadAsync(id, changeId, ct) ?? Page();

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid changeId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reviewOn = Decision == nameof(IroDecision.ReviewConvened) ? ReviewOn.ToDate("ReviewOn", "The date of the review", errors) : null;
        var decision = Enum.TryParse<IroDecision>(Decision, out var d) && Enum.IsDefined(d) ? d : IroDecision.None;
        return ActAsync(id, changeId, errors, () => workflow.DecideAsync(User.Actor(), id, changeId, decision, IroReasons, reviewOn, ct),
            "Your decision is recorded and is on the child's file.", ct);
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, Guid changeId, CancellationToken ct) =>
        ActAsync(id, changeId, new ValidationErrors(), () => workflow.ReviewAsync(User.Actor(), id, changeId, ReviewAgreed switch { "yes" => true, "no" => false, _ => null }, ReviewNotes, ct),
            "The review's outcome is recorded.", ct);

    public Task<IActionResult> OnPostCourtAsync(Guid id, Guid changeId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var on = CourtAgreedOn.ToDate("CourtAgreedOn", "The date the court agreed", errors);
        return ActAsync(id, changeId, errors, () => workflow.CourtAsync(User.Actor(), id, changeId, on, CourtReference, ct), "The court's agreement is recorded.", ct);
    }

    public Task<IActionResult> OnPostNoticesAsync(Guid id, Guid changeId, CancellationToken ct) =>
        ActAsync(id, changeId, new ValidationErrors(), () => workflow.SendNoticesAsync(User.Actor(), id, changeId, ct),
            "The notices are in the outbox: to the family, the carers, and the child's for you to give them.", ct);

    public Task<IActionResult> OnPostEffectAsync(Guid id, Guid changeId, CancellationToken ct) =>
        ActAsync(id, changeId, new ValidationErrors(), () => workflow.TakeEffectAsync(User.Actor(), id, changeId, ct),
            "The change has taken effect: the plan has a new version and the sessions follow it.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid changeId, CancellationToken ct) =>
        ActAsync(id, changeId, new ValidationErrors(), () => workflow.WithdrawAsync(User.Actor(), id, changeId, WithdrawnReason, ct), "The proposal is withdrawn.", ct);

    private async Task<IActionResult> ActAsync(Guid id, Guid changeId, ValidationErrors errors, Func<Task<Outcome<Guid>>> act, string done, CancellationToken ct)
    {
        var outcome = errors.IsValid ? await act() : Outcome<Guid>.Invalid(errors);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Saved = done;
                return Redirect(ChangeWorkflow.Link(id, changeId));
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                // The refusal says who may take the step, so show it rather than a bare "access denied".
                ModelState.AddModelError("", outcome.Message!);
                break;
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                break;
            default:
                ModelState.AddAll(outcome.Errors!, "");
                break;
        }
        return await LoadAsync(id, changeId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid changeId, CancellationToken ct)
    {
        var outcome = await reader.ReadAsync(User.Actor(), id, changeId, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return NotFound();
        }
        View = outcome.Value!;
        return null;
    }
}
