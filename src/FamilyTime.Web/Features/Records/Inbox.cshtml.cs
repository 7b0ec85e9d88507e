using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Records;

public sealed class InboxModel(Inbox inbox) : PageModel
{
    public InboxView View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct) => View = await inbox.ForAsync(User.Scope(), ct);
}
