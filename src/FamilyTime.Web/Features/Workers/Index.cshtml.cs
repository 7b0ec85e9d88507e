using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Workers;

/// <summary>
/// The workers who supervise family time (/Workers): area, pattern, languages, car, trained to assess, and hours
/// booked this week. A coordinator sees their own area first (filter by area); team managers and administrators all.
/// </summary>
[StaffOnly(Roles.Administrator, Roles.ContactCoordinator, Roles.TeamManager)]
public sealed class IndexModel(WorkerDirectory directory) : PageModel
{
    public IReadOnlyList<WorkerRow> Workers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];
    public string? Area { get; private set; }

    public async Task OnGetAsync(string? area, CancellationToken ct)
    {
        var areas = await directory.AreasAsync(ct);
        Areas = areas.Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        Guid? areaId = Guid.TryParse(area, out var id) && areas.Any(a => a.Id == id) ? id : null;
        Area = areaId?.ToString();
        Workers = await directory.ListAsync(areaId, ct);
    }
}
