using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>A parent's diary: their family time and their own appointments across services, by date.</summary>
[PortalOnly]
public sealed class DiaryModel(Diary diary) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<DiaryLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lines = await diary.ListAsync(User.Actor(), null, ct);
}
