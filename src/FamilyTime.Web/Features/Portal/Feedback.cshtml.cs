using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Feedback;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal;

/// <summary>"Your feedback": what the signed-in parent, carer or young person has said, whether it has been read, and the answer.</summary>
[PortalOnly]
public sealed class FeedbackModel(FamilyFeedback feedback) : PageModel
{
    public IReadOnlyList<FamilyFeedbackItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await feedback.MineAsync(User.Scope(), ct);
}
