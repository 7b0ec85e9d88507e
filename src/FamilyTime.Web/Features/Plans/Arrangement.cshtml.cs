using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Plans;

/// <summary>Add an arrangement (/Children/{id}/Plan/Arrangements/Add) or change one (/Children/{id}/Plan/Arrangements/{arrangementId}/Edit).</summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class ArrangementModel(PlanWorkflow workflow, PlanReader reader, PlanFormOptions options) : PageModel
{
    [BindProperty]
    public ArrangementForm Input { get; set; } = new();

    public PlanView Plan { get; private set; } = default!;
    public bool IsChange => RouteData.Values.ContainsKey("arrangementId");
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Rooms { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Supervisors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? arrangementId, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (arrangementId is { } aid)
        {
            if (await workflow.DetailsAsync(id, aid, ct) is not { } existing)
            {
                return NotFound();
            }
            Input = ArrangementForm.From(existing.Details, existing.Version);
        }
        else
        {
            Input.ReviewEveryMonths = "3";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? arrangementId, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        var details = Input.Read(errors);
        var change = Plan.AgreedVersion > 0 ? Input.ReadChange(errors) : null;
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField);
            return Page();
        }
        var outcome = await workflow.SaveArrangementAsync(User.Actor(), id, arrangementId, details, change, arrangementId is null ? null : Input.Version, ct);
        return this.Answer(outcome, saved =>
        {
            if (saved.ProposalId is { } proposal)
            {
                TempData["Saved"] = "This is a major change, so it has gone to the independent reviewing officer. The arrangement stays as agreed until every step below is done.";
                return Redirect($"/Children/{id}/Changes/{proposal}");
            }
            var sessions = saved.SessionsPlanned > 0 ? $" {saved.SessionsPlanned} sessions are planned for the next 12 months." : "";
            var holidays = saved.SkippedHolidays.Count > 0 ? $" No session is planned on {string.Join(", ", saved.SkippedHolidays.Select(h => $"{h.Title} ({h.Date:d MMMM yyyy})"))}." : "";
            TempData["Saved"] = "The arrangement has been saved." + sessions + holidays;
            return Redirect($"/Children/{id}/Plan");
        }, "Input.");
    }

    private async Task<IActionResult?> PrepareAsync(Guid id, CancellationToken ct)
    {
        var plan = await reader.ReadAsync(User.Actor(), id, ct);
        if (plan.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (plan.Kind != OutcomeKind.Ok || !plan.Value!.CanEdit)
        {
            return Forbid();
        }
        Plan = plan.Value;
        if (Plan.NotArrangedBecause is not null)
        {
            return Redirect($"/Children/{id}/Plan");
        }
        People = await options.PeopleAsync(id, ct);
        Rooms = await options.RoomsAsync(id, ct);
        Supervisors = await options.SupervisorsAsync(ct);
        return null;
    }
}
