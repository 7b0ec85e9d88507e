using FamilyTime.Domain.Access;
using FamilyTime.Domain.Reviews;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Reviews;

/// <summary>
/// Reviews due soon or overdue and the Independent Visitor prompt, for the child's page; a component so that page
/// takes one line to show them (others edit that page too). Shown only to those who hold the case. The child's
/// context is the one the page's route already loaded, so asking for it costs no query.
/// </summary>
public sealed class ChildReviewsViewComponent(ChildContextLoader children, ReadReviews read) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var child = await children.LoadAsync(UserClaimsPrincipal.Actor(), childId, HttpContext.RequestAborted);
        if (child is null || !child.Can(ChildOperation.ViewCase))
        {
            return Content("");
        }
        var view = await read.HandleAsync(child, HttpContext.RequestAborted);
        return View("/Features/Reviews/_ChildReviews.cshtml", view with { Due = view.Due.Where(r => r.State != ReviewState.NotYetDue).ToList() });
    }
}
