using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>How the child has been before and after family time: what should prompt a review, what to rate, and the trend.</summary>
[ForChild(ChildOperation.ViewWellbeing)]
public sealed class IndexModel(WellbeingReader reader) : PageModel
{
    public WellbeingView View { get; private set; } = default!;
    public IReadOnlyList<string> Charts { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await reader.ReadAsync(User.Actor(), id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Charts = view.Charts.Select(c => WellbeingChart.Render(c, view.ChildName, $"chart-{c.Key}")).ToList();
        return Page();
    }

    /// <summary>The sessions page for the one day a piece of evidence happened on.</summary>
    public string SessionLink(DateOnly date) =>
        $"/Children/{View.ChildId}/Sessions?From.Day={date.Day}&From.Month={date.Month}&From.Year={date.Year}&To.Day={date.Day}&To.Month={date.Month}&To.Year={date.Year}";
}
