using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Retention;

/// <summary>Place or lift a legal hold on one child's case record, with a reason (a team manager or head of service).</summary>
[ForChild(ChildOperation.ManageRetention)]
public sealed class LegalHoldModel(LegalHolds holds) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public LegalHoldState Hold { get; private set; } = new(false, null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        this.Answer(await LoadAsync(ct), _ => Page());

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken ct) =>
        await AnswerAsync(await holds.PlaceAsync(await HttpContext.ChildAsync(), Reason, ct), "The legal hold has been placed. The record will be kept until it is lifted.", ct);

    public async Task<IActionResult> OnPostLiftAsync(CancellationToken ct) =>
        await AnswerAsync(await holds.LiftAsync(await HttpContext.ChildAsync(), Reason, ct), "The legal hold has been lifted.", ct);

    private async Task<Outcome<LegalHoldState>> LoadAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        ChildName = child.Name;
        var outcome = await holds.CurrentAsync(child, ct);
        if (outcome.Value is { } hold)
        {
            Hold = hold;
        }
        return outcome;
    }

    private async Task<IActionResult> AnswerAsync(Outcome<LegalHoldState> outcome, string saved, CancellationToken ct) =>
        await this.AnswerAsync(outcome, _ =>
        {
            Saved = saved;
            return Redirect(ChildLinks.Child(ChildId) + "/LegalHold");
        }, again: async show => { await LoadAsync(ct); return show(); },
        fields: errors => errors.ToDictionary(_ => nameof(Reason), e => e.Value));
}
