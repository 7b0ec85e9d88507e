using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// How a form page answers a use case's outcome: on success where <paramref name="ok"/> says; otherwise the same
/// page again with the problems in its error summary (field errors under <paramref name="prefix"/>, the bound model's
/// name such as "Input."), 404 or 403.
/// </summary>
public static class OutcomePages
{
    /// <summary>403 with the reason on the error page, as the route rules answer (not a redirect to "access denied").</summary>
    public static IActionResult Refuse(this PageModel page, string? reason)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.HttpContext.Items[Access.RouteRuleMiddleware.RefusalKey] = reason;
        return page.StatusCode(StatusCodes.Status403Forbidden);
    }

    public static IActionResult Answer<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> ok, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return ok(outcome.Value!);
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                return page.Refuse(outcome.Message);
            case OutcomeKind.Conflict:
                page.ModelState.AddModelError("", outcome.Message!);
                return page.Page();
            default:
                page.ModelState.AddAll(outcome.Errors!, prefix);
                return page.Page();
        }
    }
}
