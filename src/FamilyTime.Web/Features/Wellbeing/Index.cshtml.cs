using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var view = await reader.ReadAsync(await HttpContext.ChildAsync(), ct);
        View = view;
        Charts = view.Charts.Select(c => WellbeingChart.Render(c, view.ChildName, $"chart-{c.Key}")).ToList();
    }

    /// <summary>The sessions page for the one day a piece of evidence happened on.</summary>
    public string SessionLink(DateOnly date) =>
        $"{ChildLinks.Sessions(View.ChildId)}?From.Day={date.Day}&From.Month={date.Month}&From.Year={date.Year}&To.Day={date.Day}&To.Month={date.Month}&To.Year={date.Year}";
}
