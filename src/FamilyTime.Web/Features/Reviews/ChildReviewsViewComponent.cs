using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>
/// Reviews due soon or overdue and the Independent Visitor prompt, for the child's page; a component so that page
/// takes one line to show them (others edit that page too). Shown only to those who hold the case.
/// </summary>
public sealed class ChildReviewsViewComponent(ReviewWorkflow workflow) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var view = await workflow.ReadAsync(UserClaimsPrincipal.Scope(), childId, HttpContext.RequestAborted);
        return view is null
            ? Content("")
            : View("/Features/Reviews/_ChildReviews.cshtml", view with { Due = view.Due.Where(r => r.State != ReviewState.NotYetDue).ToList() });
    }
}
