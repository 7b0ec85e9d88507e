using FamilyTime.Domain.Access;
using FamilyTime.Domain.Assessments;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Assessments;

/// <summary>What the panel beside the plan shows: the newest version's required answers, or that there is none.</summary>
public sealed record AssessmentPanel(Guid ChildId, string ChildName, PreContactAssessment? Latest, bool CanEdit, bool AtAgree);

/// <summary>
/// The assessment beside the plan (guidance Appendix 1): a summary on the plan page, and at the step that agrees the
/// plan, which version it is agreed beside or a warning that there is none. A component, so the plan page takes one
/// line for each (others edit that page too); the newest version is read once per request however often it shows.
/// </summary>
public sealed class AssessmentPanelViewComponent(AssessmentReader reader) : ViewComponent
{
    private static readonly object Key = new();

    public async Task<IViewComponentResult> InvokeAsync(bool atAgree = false)
    {
        var child = await HttpContext.ChildAsync();
        if (!child.Can(ChildOperation.ViewCase))
        {
            return Content("");
        }
        if (HttpContext.Items[Key] is not Task<PreContactAssessment?> latest)
        {
            latest = reader.LatestAsync(child.ChildId, HttpContext.RequestAborted);
            HttpContext.Items[Key] = latest;
        }
        return View("/Features/Assessments/_AssessmentPanel.cshtml",
            new AssessmentPanel(child.ChildId, child.PreferredName ?? child.FirstName, await latest, child.Can(ChildOperation.EditPlan), atAgree));
    }
}
