using FamilyTime.Domain.Travel;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Travel;

/// <summary>
/// A parent's travel costs: the claims they have made and where each has got to, and their recent family time
/// they can still claim for.
/// </summary>
[PortalOnly]
public sealed class MineModel(TravelClaimLists lists, OwnSessions sessions, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<OwnClaim> Claims { get; private set; } = [];
    public IReadOnlyList<OwnSession> Claimable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = User.Scope();
        var today = clock.Today();
        Claims = await lists.MineAsync(user, ct);
        var claimed = Claims.Select(c => c.SessionId).ToHashSet();
        Claimable = (await sessions.ListAsync(user, today.AddMonths(-TravelClaim.MonthsBack), today.AddDays(7), ct))
            .Where(s => !claimed.Contains(s.SessionId) && TravelClaim.SessionProblem(s.Date, s.Status, today) is null)
            .OrderByDescending(s => s.Date).ToList();
        return Page();
    }
}
