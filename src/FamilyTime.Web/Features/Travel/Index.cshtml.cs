using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Travel;

/// <summary>
/// A team manager's travel claims: those waiting for their decision (families' fares and workers' mileage, for
/// the children of their team), the export of approved claims for payment, and the payment runs made.
/// </summary>
[StaffOnly(Roles.TeamManager)]
public sealed class IndexModel(TravelClaimLists lists, DecideTravelClaim decide, ExportPayments export) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ClaimToDecide> Waiting { get; private set; } = [];
    public int ToPay { get; private set; }
    public IReadOnlyList<PaymentRunSummary> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid claimId, CancellationToken ct) =>
        await AnswerAsync(claimId, await decide.HandleAsync(User.Actor(), claimId, new TravelDecision(true, null), ct), "The claim has been approved and the person who claimed has been told.", ct);

    public async Task<IActionResult> OnPostRefuseAsync(Guid claimId, string? reason, CancellationToken ct) =>
        await AnswerAsync(claimId, await decide.HandleAsync(User.Actor(), claimId, new TravelDecision(false, reason), ct), "The claim has been refused and the person who claimed has been told why.", ct);

    /// <summary>Exports the approved claims not yet paid, as a CSV file, and marks them paid in this run.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var outcome = await export.NewRunAsync(User.Actor(), ct);
        return await this.AnswerAsync(outcome, file => File(file.Csv, "text/csv; charset=utf-8", file.FileName),
            again: async show => { await LoadAsync(ct); return show(); });
    }

    /// <summary>A past payment run again, as it was: nothing is marked twice.</summary>
    public async Task<IActionResult> OnGetRunAsync(Guid run, CancellationToken ct)
    {
        var outcome = await export.RunAsync(User.Actor(), run, ct);
        return this.Answer(outcome, file => File(file.Csv, "text/csv; charset=utf-8", file.FileName));
    }

    public static string ReasonField(Guid claimId) => $"Reason-{claimId:N}";

    private async Task<IActionResult> AnswerAsync<T>(Guid claimId, Outcome<T> outcome, string saved, CancellationToken ct) =>
        await this.AnswerAsync(outcome, _ =>
        {
            Saved = saved;
            return Redirect("/Travel");
        }, again: async show => { await LoadAsync(ct); return show(); },
        fields: errors => errors.ToDictionary(e => e.Key == "Reason" ? ReasonField(claimId) : e.Key, e => e.Value), problemStatus: true);

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = User.Scope();
        Waiting = await lists.WaitingAsync(user, ct);
        ToPay = await lists.ToPayCountAsync(user, ct);
        Runs = await lists.RunsAsync(user, ct);
    }
}
