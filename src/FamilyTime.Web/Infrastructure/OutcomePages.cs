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
                return page.Forbid();
            case OutcomeKind.Conflict:
                page.ModelState.AddModelError("", outcome.Message!);
                return page.Page();
            default:
                page.ModelState.AddAll(outcome.Errors!, prefix);
                return page.Page();
        }
    }
}
