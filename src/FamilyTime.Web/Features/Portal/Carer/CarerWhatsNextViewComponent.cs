using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>
/// The carer's part of the portal's front page: each child living with them and what's next. A component, so the
/// front page (shared with the parent's part) only calls it.
/// </summary>
public sealed class CarerWhatsNextViewComponent(CarerFamilyTime reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool asSection)
    {
        var children = await reader.ForHouseholdAsync(HttpContext.User.Actor(), CarerFamilyTime.OnFrontPage, HttpContext.RequestAborted);
        return View("~/Features/Portal/Carer/_WhatsNext.cshtml", new WhatsNextView(children, asSection));
    }
}

/// <summary>The front page's carer part: the children, and whether it sits under a parent's part (a heading level down).</summary>
public sealed record WhatsNextView(IReadOnlyList<CarerChild> Children, bool AsSection);
