using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Portal.Carer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.IndirectContact;

/// <summary>The staff side of the carers' log of calls, messages, letters and contact online, for the social worker.</summary>
[ForChild(ChildOperation.ViewIndirectContact)]
public sealed class IndexModel(IndirectContactLog log) : PageModel
{
    public IReadOnlyList<IndirectContactRow> Log { get; private set; } = [];
    public string ChildName { get; private set; } = "";
    public Guid ChildId { get; private set; }
    public bool CanLog { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        (ChildId, ChildName, CanLog) = (child.ChildId, child.Name, child.Can(ChildOperation.LogIndirectContact));
        Log = await log.ReadAsync(child, ct);
    }
}
