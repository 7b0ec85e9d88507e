using FamilyTime.Data.Identity;
using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Retention;

/// <summary>Place or lift a legal hold on one child's case record, with a reason (a team manager or head of service).</summary>
[ForChild(ChildOperation.ManageRetention)]
public sealed class LegalHoldModel(LegalHolds holds, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public LegalHoldState Hold { get; private set; } = new(false, null, null, null);

    /// <summary>Who placed the hold, by name as people know them, with the user name the audit log shows.</summary>
    public string? PlacedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        this.Answer(await LoadAsync(ct), _ => Page());

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(child.ChildId, await holds.PlaceAsync(child, Reason, ct), "The legal hold has been placed. The record will be kept until it is lifted.", ct);
    }

    public async Task<IActionResult> OnPostLiftAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(child.ChildId, await holds.LiftAsync(child, Reason, ct), "The legal hold has been lifted.", ct);
    }

    private async Task<Outcome<LegalHoldState>> LoadAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        ChildName = child.Name;
        var outcome = await holds.CurrentAsync(child, ct);
        if (outcome.Value is { } hold)
        {
            Hold = hold;
            PlacedBy = hold.By is { } by && await users.FindByNameAsync(by) is { } placer ? $"{placer.DisplayName} ({by})" : hold.By;
        }
        return outcome;
    }

    /// <param name="childId">From the route's child: <see cref="ChildId"/> is set only when the page is loaded, which a
    /// successful post does not do, and an empty one sent the person to a page that does not exist.</param>
    private async Task<IActionResult> AnswerAsync(Guid childId, Outcome<LegalHoldState> outcome, string saved, CancellationToken ct) =>
        await this.AnswerAsync(outcome, _ =>
        {
            Saved = saved;
            return Redirect(ChildLinks.Child(childId) + "/LegalHold");
        }, again: async show => { await LoadAsync(ct); return show(); },
        fields: errors => errors.ToDictionary(_ => nameof(Reason), e => e.Value));
}
