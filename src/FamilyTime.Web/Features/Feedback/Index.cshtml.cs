using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>"Feedback for you": what has been routed to the signed-in user, about children they still reach.</summary>
[StaffOnly]
public sealed class IndexModel(FeedbackInbox inbox) : PageModel
{
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await inbox.ForAsync(User.Scope(), ct);
}
