using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>
/// The venues and rooms family time can be arranged at (/Admin/Venues), searched and filtered by a GET form so it
/// works without JavaScript and a filtered list can be bookmarked or sent to a colleague. A value that is not one of
/// the choices (an old link, a typed address) is read as no filter rather than an error.
/// </summary>
[StaffOnly(Roles.Administrator, Roles.ContactCoordinator)]
public sealed class IndexModel(VenueDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Feature { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? OpenOn { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Baby { get; set; }

    public IReadOnlyList<VenueView> Venues { get; private set; } = [];
    public int Total { get; private set; }
    public bool Filtered { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Days { get; } =
        OpeningHours.Week.Select(d => new SelectListItem(VenueWords.Day(d), d.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> FeatureChoices { get; } =
        VenueWords.Features.Select(f => new SelectListItem(char.ToUpperInvariant(f.Name[0]) + f.Name[1..], f.Feature.ToString())).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var areas = await directory.AreasAsync(ct);
        Areas = areas.Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        var filter = Read(Search, Area, Feature, OpenOn, Baby);
        var all = await directory.SearchAsync(VenueFilter.None, openOnly: false, ct);
        Total = all.Count;
        Venues = all.Where(filter.Matches).ToList();
        Filtered = !filter.IsEmpty;
        CanManage = VenueAccess.MayManage(User.Scope());
    }

    /// <summary>The filter the query string asks for, shared with the API so both read a query the same way.</summary>
    public static VenueFilter Read(string? search, string? area, IEnumerable<string>? features, string? openOn, bool baby)
    {
        var wanted = RoomFeatures.None;
        foreach (var name in features ?? [])
        {
            if (Enum.TryParse<RoomFeatures>(name, ignoreCase: true, out var f) && VenueWords.Features.Any(x => x.Feature == f))
            {
                wanted |= f;
            }
        }
        return new VenueFilter(
            search,
            Guid.TryParse(area, out var a) ? a : null,
            wanted,
            Enum.TryParse<DayOfWeek>(openOn, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(openOn, out _) ? d : null,
            baby);
    }
}
