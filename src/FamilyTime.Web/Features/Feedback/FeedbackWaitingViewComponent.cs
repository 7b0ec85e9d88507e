using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>
/// The count of feedback sent to the reader that nobody has answered, for their inbox: a component so the inbox takes
/// one line for it (others edit that page too). Nothing is shown when none waits.
/// </summary>
public sealed class FeedbackWaitingViewComponent(FeedbackInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = await inbox.WaitingCountAsync(((System.Security.Claims.ClaimsPrincipal)User).Scope(), HttpContext.RequestAborted);
        return waiting == 0 ? Content("") : View("/Features/Feedback/_FeedbackWaiting.cshtml", waiting);
    }
}
