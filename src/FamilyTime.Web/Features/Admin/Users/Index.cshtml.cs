using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Users;

/// <summary>Every staff account, with its roles, team or area, two-factor sign-in and last sign-in (/Admin/Users).</summary>
[StaffOnly(Roles.Administrator)]
public sealed class IndexModel(StaffDirectory directory) : PageModel
{
    public IReadOnlyList<StaffAccountView> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await directory.ListAsync(ct);
}
