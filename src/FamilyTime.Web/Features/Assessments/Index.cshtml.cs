using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Assessments;

/// <summary>The assessment before family time, one version at a time (the newest unless another is asked for), and every version.</summary>
[ForChild(ChildOperation.ViewCase)]
public sealed class IndexModel(AssessmentReader reader) : PageModel
{
    [FromQuery(Name = "version")]
    public int? Version { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public AssessmentHistory History { get; private set; } = default!;

    public AssessmentVersionView? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        History = await reader.ReadAsync(await HttpContext.ChildAsync(), ct);
        Shown = Version is { } n ? History.Versions.FirstOrDefault(v => v.Version.Number == n) : (History.Versions.Count > 0 ? History.Versions[0] : null);
        return Version is not null && Shown is null ? NotFound() : Page();
    }
}
