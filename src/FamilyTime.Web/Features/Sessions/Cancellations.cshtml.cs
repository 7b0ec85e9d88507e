using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Sessions;

/// <summary>Who cancels family time, by reason: a staff report over the children the reader sees.</summary>
[StaffOnly]
public sealed class CancellationsModel(CancellationReport report) : PageModel
{
    public CancellationReportView View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct) => View = await report.ForAsync(User.Scope(), ct);
}
