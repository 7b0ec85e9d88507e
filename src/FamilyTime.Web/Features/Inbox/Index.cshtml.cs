using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Inbox;

[StaffOnly]
public sealed class IndexModel(InboxReader inbox, InboxTasks tasks) : PageModel
{
    public InboxView View { get; private set; } = default!;

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await inbox.ForAsync(User.Scope(), ct);

    /// <summary>Ticks off one of the person's own tasks; anyone else's is not found.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid taskId, CancellationToken ct)
    {
        if (await tasks.MarkDoneAsync(User.Actor(), taskId, ct) is not { } title)
        {
            return NotFound();
        }
        Saved = $"Marked as done: {title}";
        return Redirect("/Inbox");
    }
}
