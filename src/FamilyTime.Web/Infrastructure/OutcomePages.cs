using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// How a page answers a use case's outcome, the one place that reads its kind: on success where <c>ok</c> says;
/// 404; 403 with the reason; otherwise the same page again with the problems in its error summary (a conflict's
/// message above the form, field errors under <c>prefix</c>, the bound model's name such as "Input.").
/// </summary>
/// <remarks>
/// The page again can be shaped without a switch of its own: <c>fields</c> puts the use case's field names onto the
/// form's boxes; <c>problemStatus</c> answers 400 (invalid) or 409 (conflict) rather than 200, saying nothing was
/// saved; and, in <c>AnswerAsync</c>,
/// <c>again</c> reads what the page shows before it is shown again, then calls <c>show</c>, or answers otherwise
/// (404 when the record has gone meanwhile).
/// </remarks>
public static class OutcomePages
{
    /// <summary>403 with the reason on the error page, as the route rules answer (not a redirect to "access denied").</summary>
    public static IActionResult Refuse(this PageModel page, string? reason)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.HttpContext.Items[Access.RouteRuleMiddleware.RefusalKey] = reason;
        return page.StatusCode(StatusCodes.Status403Forbidden);
    }

    public static IActionResult Answer<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> ok, string prefix = "",
        Func<IReadOnlyDictionary<string, string[]>, IReadOnlyDictionary<string, string[]>>? fields = null, bool problemStatus = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value!),
            OutcomeKind.NotFound => page.NotFound(),
            OutcomeKind.Forbidden => page.Refuse(outcome.Message),
            _ => Again(page, outcome, prefix, fields, problemStatus),
        };
    }

    public static Task<IActionResult> AnswerAsync<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> ok,
        Func<Func<IActionResult>, Task<IActionResult>>? again = null, string prefix = "",
        Func<IReadOnlyDictionary<string, string[]>, IReadOnlyDictionary<string, string[]>>? fields = null, bool problemStatus = false)
    {
        ArgumentNullException.ThrowIfNull(ok);
        return page.AnswerAsync(outcome, value => Task.FromResult(ok(value)), again, prefix, fields, problemStatus);
    }

    /// <summary>As <see cref="Answer{T}"/>, for a page whose success or whose page again has more to read first.</summary>
    public static async Task<IActionResult> AnswerAsync<T>(this PageModel page, Outcome<T> outcome, Func<T, Task<IActionResult>> ok,
        Func<Func<IActionResult>, Task<IActionResult>>? again = null, string prefix = "",
        Func<IReadOnlyDictionary<string, string[]>, IReadOnlyDictionary<string, string[]>>? fields = null, bool problemStatus = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return await ok(outcome.Value!);
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                return page.Refuse(outcome.Message);
            default:
                IActionResult Show() => Again(page, outcome, prefix, fields, problemStatus);
                return again is null ? Show() : await again(Show);
        }
    }

    /// <summary>The page again with its problems.</summary>
    private static PageResult Again<T>(PageModel page, Outcome<T> outcome, string prefix,
        Func<IReadOnlyDictionary<string, string[]>, IReadOnlyDictionary<string, string[]>>? fields, bool problemStatus)
    {
        var result = page.Page();
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            page.ModelState.AddModelError("", outcome.Message!);
            result.StatusCode = problemStatus ? StatusCodes.Status409Conflict : null;
        }
        else
        {
            page.ModelState.AddAll(fields is null ? outcome.Errors! : fields(outcome.Errors!), prefix);
            result.StatusCode = problemStatus ? StatusCodes.Status400BadRequest : null;
        }
        return result;
    }
}
