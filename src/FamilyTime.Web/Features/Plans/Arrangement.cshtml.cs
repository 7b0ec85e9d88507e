using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Add an arrangement (/Children/{id}/Plan/Arrangements/Add) or change one (/Children/{id}/Plan/Arrangements/{arrangementId}/Edit).</summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class ArrangementModel(PlanReader reader, PlanFormOptions options, Data.FamilyTimeDbContext db, Domain.Plans.PlanSettings settings) : PageModel
{
    [BindProperty]
    public ArrangementForm Input { get; set; } = new();

    public PlanView Plan { get; private set; } = default!;
    public bool IsChange => RouteData.Values.ContainsKey("arrangementId");
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Rooms { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Supervisors { get; private set; } = [];

    /// <summary>The service's setting for how often the social worker comes to family time a worker attends.</summary>
    public string SocialWorkerAttends => settings.SocialWorkerPrompt(Domain.Plans.ArrangementType.Supervised, true)?.Text ?? "";

    public async Task<IActionResult> OnGetAsync(Guid? arrangementId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        if (await PrepareAsync(child, ct) is { } elsewhere)
        {
            return elsewhere;
        }
        if (arrangementId is { } aid)
        {
            if (await db.ArrangementDetailsAsync(child.ChildId, aid, ct) is not { } existing)
            {
                return NotFound();
            }
            Input = ArrangementForm.From(existing.Details, existing.Version);
        }
        else
        {
            Input.ReviewEveryMonths = "3";
            Input.Place = nameof(Domain.Plans.FamilyTimePlace.Venue);
            Input.SupervisedBy = nameof(Domain.Plans.SupervisedBy.Worker);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? arrangementId, [FromServices] SaveArrangement save, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        if (await PrepareAsync(child, ct) is { } elsewhere)
        {
            return elsewhere;
        }
        var errors = new ValidationErrors();
        var details = Input.Read(errors);
        var change = Plan.AgreedVersion > 0 ? Input.ReadChange(errors) : null;
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField);
            return Page();
        }
        var outcome = await save.HandleAsync(child, new ArrangementInput(arrangementId, details, change, arrangementId is null ? null : Input.Version), ct);
        return this.Answer(outcome, saved =>
        {
            if (saved.ProposalId is { } proposal)
            {
                TempData["Saved"] = "This is a major change, so it has gone to the independent reviewing officer. The arrangement stays as agreed until every step below is done.";
                return Redirect(ChildLinks.Change(child.ChildId, proposal));
            }
            var sessions = saved.SessionsPlanned > 0 ? $" {saved.SessionsPlanned} sessions are planned for the next 12 months." : "";
            var holidays = saved.SkippedHolidays.Count > 0 ? $" No session is planned on {string.Join(", ", saved.SkippedHolidays.Select(h => $"{h.Title} ({h.Date:d MMMM yyyy})"))}." : "";
            TempData["Saved"] = "The arrangement has been saved." + sessions + holidays;
            return Redirect(ChildLinks.Plan(child.ChildId));
        }, "Input.");
    }

    /// <summary>The plan and the form's choices; back to the plan when nothing can be arranged for this child.</summary>
    private async Task<IActionResult?> PrepareAsync(ChildContext child, CancellationToken ct)
    {
        Plan = (await reader.ReadAsync(child, ct)).Plan;
        if (Plan.NotArrangedBecause is not null)
        {
            return Redirect(ChildLinks.Plan(child.ChildId));
        }
        People = await options.PeopleAsync(child.ChildId, ct);
        Rooms = await options.RoomsAsync(child, ct);
        Supervisors = await options.SupervisorsAsync(ct);
        return null;
    }
}
