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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ChildId = id;
        var errors = new ValidationErrors();
        var from = From.ToDate("From", "The start date", errors);
        var to = To.ToDate("To", "The end date", errors);
        var outcome = await list.ListAsync(User.Actor(), id, errors.IsValid ? from : null, errors.IsValid ? to : null, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        ModelState.AddAll(errors.ByField, "");
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddAll(outcome.Errors!, "");
            outcome = await list.ListAsync(User.Actor(), id, null, null, ct);
        }
        Range = outcome.Value;
        From = DateParts.From(Range!.From);
        To = DateParts.From(Range.To);
        return Page();
    }
}
