using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Changes;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// One suspension: its clock for those who hold the case, and for the social worker (each handler declares it)
/// recording the discussions, resumption or the section 34(4) application.
/// </summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class DetailsModel(SuspensionReader reader) : PageModel
{
    public SuspensionView? View { get; private set; }
    public bool CanEdit { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    [BindProperty] public DateParts On { get; set; } = new();
    [BindProperty] public DateParts AdviceOn { get; set; } = new();
    [BindProperty] public string? Advice { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Agreement { get; set; }

    /// <summary>The agreement's date has its own box: the resume form beside it has the page's "On".</summary>
    [BindProperty] public DateParts AgreedOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid suspensionId, CancellationToken ct) => await LoadAsync(suspensionId, ct) ? Page() : NotFound();

    [ForChild(ChildOperation.Suspend)]
    public Task<IActionResult> OnPostManagerAsync(Guid suspensionId, [FromServices] RecordSuspensionDiscussion record, CancellationToken ct) =>
        ActAsync(suspensionId, (child, on) => record.HandleAsync(child, suspensionId, true, on, ct), "The discussion with the team manager is recorded.", ct);

    [ForChild(ChildOperation.Suspend)]
    public Task<IActionResult> OnPostIroAsync(Guid suspensionId, [FromServices] RecordSuspensionDiscussion record, CancellationToken ct) =>
        ActAsync(suspensionId, (child, on) => record.HandleAsync(child, suspensionId, false, on, ct), "The discussion with the IRO is recorded.", ct);

    [ForChild(ChildOperation.Suspend)]
    public Task<IActionResult> OnPostResumeAsync(Guid suspensionId, [FromServices] ResumeFamilyTime resume, CancellationToken ct) =>
        ActAsync(suspensionId, (child, on) => resume.HandleAsync(child, suspensionId, on, ct), "Family time has resumed; later sessions are planned again.", ct);

    [ForChild(ChildOperation.Suspend)]
    public Task<IActionResult> OnPostApplicationAsync(Guid suspensionId, [FromServices] RecordSection34Application record, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var advised = AdviceOn.ToDate("LegalAdviceOn", "The date of the legal advice", errors);
        return ActAsync(suspensionId, (child, on) => errors.IsValid
            ? record.HandleAsync(child, suspensionId, new Section34ApplicationMade(advised, Advice, on, Reference), ct)
            : Task.FromResult(Outcome<Guid>.Invalid(errors)), "The section 34(4) application is recorded.", ct);
    }

    /// <summary>For a child whom section 34 does not cover: family time stays paused while the plan changes through the IRO.</summary>
    [ForChild(ChildOperation.Suspend)]
    public Task<IActionResult> OnPostPlanChangeAsync(Guid suspensionId, [FromServices] AgreePlanChange agree, CancellationToken ct) =>
        ActAsync(suspensionId, (child, on) => agree.HandleAsync(child, suspensionId, new PlanChangeAgreed(on, Agreement), ct),
            "Recorded. Now propose the change to the plan: the IRO decides on it, and family time resumes if the agreement ends.", ct, nameof(AgreedOn));

    private async Task<IActionResult> ActAsync(Guid suspensionId, Func<ChildContext, DateOnly?, Task<Outcome<Guid>>> act, string done, CancellationToken ct, string dateField = nameof(On))
    {
        var child = await HttpContext.ChildAsync();
        var errors = new ValidationErrors();
        var on = (dateField == nameof(AgreedOn) ? AgreedOn : On).ToDate(dateField, "The date", errors);
        var outcome = errors.IsValid ? await act(child, on) : Outcome<Guid>.Invalid(errors);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = done;
            return Redirect(ChildLinks.Suspension(child.ChildId, suspensionId));
        },
        // The page shows the suspension again under its errors; a step that went through redirects without reading it.
        again: async show => await LoadAsync(suspensionId, ct) ? show() : NotFound(),
        // The domain names the date field after what it is; the page has one date box per form.
        fields: found => found.ToDictionary(e => e.Key is "DiscussedOn" or "ResumedOn" or "ApplicationMadeOn" ? "On" : e.Key == "PlanChangeAgreedOn" ? "AgreedOn"
            : e.Key == "LegalAdviceOn" ? "AdviceOn" : e.Key == "LegalAdvice" ? "Advice" : e.Key == "ApplicationReference" ? "Reference" : e.Key == "PlanChangeAgreement" ? "Agreement" : e.Key, e => e.Value));
    }

    private async Task<bool> LoadAsync(Guid suspensionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        CanEdit = child.Can(ChildOperation.Suspend);
        View = await reader.OneAsync(child, suspensionId, ct);
        return View is not null;
    }
}
