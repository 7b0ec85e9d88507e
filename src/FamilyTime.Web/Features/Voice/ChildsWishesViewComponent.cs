using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Voice;

/// <summary>
/// Who the young person said they want to see, read-only, where the social worker records the child's wishes on the
/// plan: one line there shows it. Nothing for anyone who does not hold the case.
/// </summary>
public sealed class ChildsWishesViewComponent(ChildsVoiceReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var child = await HttpContext.ChildAsync();
        if (child.ChildId != childId || !child.Can(ChildOperation.ViewCase))
        {
            return Content("");
        }
        var wishes = await reader.WishesAsync(childId, 1, HttpContext.RequestAborted);
        if (wishes.Count == 0)
        {
            return Content("");
        }
        ViewData["ChildId"] = childId;
        return View("/Features/Voice/_ChildsWishes.cshtml", wishes);
    }
}
