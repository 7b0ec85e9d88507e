using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
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

    /// <summary>Ticks off one of the person's own tasks; anyone else's is not found; a decision's task closes by the decision.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid taskId, CancellationToken ct)
    {
        var (result, title) = await tasks.MarkDoneAsync(User.Actor(), taskId, ct);
        switch (result)
        {
            case Tasks.MarkDoneResult.Done:
                Saved = $"Marked as done: {title}";
                return Redirect("/Inbox");
            case Tasks.MarkDoneResult.ClosesByDecision:
                return this.Refuse("This task closes when the decision is recorded: open it and record the decision.");
            default:
                return NotFound();
        }
    }
}
