using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Voice;

/// <summary>
/// The young person's part of the portal's front page: their next family time and the ways to have their say. It
/// reads only their own child record, through the same rule (<c>SpeakForSelf</c>) as their pages.
/// </summary>
public sealed class YoungPersonPartViewComponent(MyFamilyTime mine, ChildContextLoader children) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = UserClaimsPrincipal.Actor();
        var own = await mine.OwnChildAsync(actor.Scope, ct);
        var child = own is { } id ? await children.LoadAsync(actor, id, ct) : null;
        if (child is null || !child.Can(Domain.Access.ChildOperation.SpeakForSelf))
        {
            return View<MyFamilyTimeView?>("/Features/Voice/_YoungPersonPart.cshtml", null);
        }
        return View("/Features/Voice/_YoungPersonPart.cshtml", await mine.ForAsync(child, ct));
    }
}
