using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features;

/// <summary>Plain-words pages for errors; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later. Nothing you were doing has been half-saved: if a change did not complete, it was not made.";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        (Heading, Message) = status switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the record may not exist or may not be one you can see."),
            403 => ("You cannot do this", HttpContext.Items[Access.RouteRuleMiddleware.RefusalKey] as string
                ?? "Your role does not allow this. Ask your manager if you think it should."),
            413 => ("What you sent is too large", "Send less at once and try again."),
            429 => ("Too many attempts", "Wait a minute, then try again."),
            400 => ("Something in the request was not right", "Go back, check what you entered and try again."),
            _ => (Heading, Message),
        };
    }
}
