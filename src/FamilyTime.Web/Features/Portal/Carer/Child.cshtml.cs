using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>One child's family time as the carer they live with sees it: what's next, transport, what to record, the log.</summary>
[ForChild(ChildOperation.ViewAsCarer)]
public sealed class ChildModel(CarerFamilyTime reader, IndirectContactLog log) : PageModel
{
    public CarerChild Child { get; private set; } = default!;
    public IReadOnlyList<IndirectContactRow> Log { get; private set; } = [];
    public string FirstName => Child.Name.Split(' ')[0];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        if (await reader.ForChildAsync(child, ct) is not { } read)
        {
            return NotFound();
        }
        Child = read;
        Log = await log.ReadAsync(child, ct);
        return Page();
    }
}
