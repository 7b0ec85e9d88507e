using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>Each person's family time over the months in care, drawn and tabled, so a relationship fading away is seen.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class TrendModel(TrendReader reader) : PageModel
{
    public TrendView View { get; private set; } = default!;

    public IReadOnlyList<string> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await reader.ReadAsync(await HttpContext.ChildAsync(), ct);
        Charts = View.People.Select(p => TrendChart.Render(p, View.ChildName, $"trend-{p.PersonId:N}")).ToList();
    }
}
