using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin;

[StaffOnly(Roles.Administrator, Roles.HeadOfService, Roles.TeamManager)]
public sealed class AuditModel(AuditTrail trail) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public (long? FirstBreak, long Checked)? Verified { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        Guid? child = Guid.TryParse(ChildId, out var id) ? id : null;
        Rows = await trail.ReadAsync(user, child, UserFilter, 200, ct);
        if (Verify)
        {
            Verified = await trail.VerifyAsync(ct);
        }
        return Page();
    }
}
