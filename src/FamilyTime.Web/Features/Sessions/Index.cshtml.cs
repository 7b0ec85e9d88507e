using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Sessions;

/// <summary>A child's sessions, month by month.</summary>
[ForChild(ChildOperation.ViewSessions)]
public sealed class IndexModel(SessionList list, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    public Guid ChildId { get; private set; }
    public DateOnly Today => clock.Today();
    public SessionRange? Range { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        var errors = new ValidationErrors();
        var from = From.ToDate("From", "The start date", errors);
        var to = To.ToDate("To", "The end date", errors);
        var outcome = await list.ListAsync(child, errors.IsValid ? from : null, errors.IsValid ? to : null, ct);
        ModelState.AddAll(errors.ByField, "");
        if (outcome.Errors is { } invalid)
        {
            // A range the list refuses: say why, and show the next 12 months instead.
            ModelState.AddAll(invalid, "");
            outcome = await list.ListAsync(child, null, null, ct);
        }
        Range = outcome.Value;
        From = DateParts.From(Range!.From);
        To = DateParts.From(Range.To);
        return Page();
    }
}
