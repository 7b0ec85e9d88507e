using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Records;

/// <summary>
/// The risk gate of a session's arrangement: the serious risks ticked, the risk assessments and overrides recorded,
/// recording a full risk assessment (the social worker or team manager) and a team manager's override with a reason.
/// </summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class RiskAssessmentModel(ReadRecord read) : PageModel
{
    public static IReadOnlyList<SelectListItem> Outcomes { get; } =
    [
        new("Family time can go ahead as planned", nameof(RiskAssessmentOutcome.GoAhead)),
        new("Family time can go ahead with changes (say which below)", nameof(RiskAssessmentOutcome.GoAheadWithChanges)),
        new("It is not safe for family time to go ahead as planned", nameof(RiskAssessmentOutcome.NotSafeToGoAhead)),
    ];

    public static string Describe(RiskAssessmentOutcome? outcome) => Outcomes.FirstOrDefault(o => o.Value == outcome?.ToString())?.Text ?? "";

    public RecordPage View { get; private set; } = default!;

    [BindProperty] public string? AssessedBy { get; set; }
    [BindProperty] public DateParts AssessedOn { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }

    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => ShowAsync(sessionId, Page, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, [FromServices] RecordRiskAssessment record, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var on = AssessedOn.ToDate(nameof(AssessedOn), "The date of the risk assessment", errors);
        var outcome = errors.IsValid
            ? await record.HandleAsync(await HttpContext.ChildAsync(), new RecordRiskAssessmentCommand(sessionId, AssessedBy, on, EnumNames.Parse<RiskAssessmentOutcome>(Outcome), Summary), ct)
            : Outcome<Guid>.Invalid(errors);
        return await AnswerAsync(id, sessionId, outcome, "The risk assessment is recorded.", ct);
    }

    [ForChild(ChildOperation.OverrideRiskGate)]
    public async Task<IActionResult> OnPostOverrideAsync(Guid id, Guid sessionId, [FromServices] OverrideRiskGate overrideGate, CancellationToken ct) =>
        await AnswerAsync(id, sessionId, await overrideGate.HandleAsync(await HttpContext.ChildAsync(), new OverrideRiskGateCommand(sessionId, OverrideReason), ct),
            "Your override is recorded with its reason: the session can be marked as held.", ct);

    private Task<IActionResult> AnswerAsync(Guid id, Guid sessionId, Outcome<Guid> outcome, string done, CancellationToken ct) =>
        this.AnswerAsync(outcome, _ =>
        {
            TempData["Saved"] = done;
            return Redirect(ChildLinks.Session(id, sessionId));
        }, again: show => ShowAsync(sessionId, show, ct));

    private async Task<IActionResult> ShowAsync(Guid sessionId, Func<IActionResult> show, CancellationToken ct) =>
        this.Answer(await read.HandleAsync(await HttpContext.ChildAsync(), sessionId, ct), view =>
        {
            View = view;
            return view.Facts.Session.ArrangementId is null ? NotFound() : show();
        });
}
