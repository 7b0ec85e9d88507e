using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Retention;

/// <summary>
/// A manager's disposal review list: the children of their team (a head of service: every child) whose case record
/// is due for disposal within the months chosen, or overdue, or has no date a person can rely on; legal holds marked.
/// </summary>
[StaffOnly(Roles.TeamManager, Roles.HeadOfService)]
public sealed class IndexModel(DisposalReview review) : PageModel
{
    public static readonly IReadOnlyList<int> MonthChoices = [0, 3, 6, 12, 24, 60];

    [BindProperty(SupportsGet = true)]
    public int Months { get; set; } = DisposalReview.DefaultMonths;

    public IReadOnlyList<DisposalDue> Due { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Months = Math.Clamp(Months, 0, DisposalReview.MaxMonths);
        Due = await review.ShowAsync(User.Actor(), Months, ct);
    }
}
