using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Users;

/// <summary>
/// One staff account (/Admin/Users/{id}): its details, and what an administrator does to it: send the set-up link
/// again, reset two-factor sign-in, deactivate or reactivate; with every change made to it, from the audit log.
/// </summary>
[StaffOnly(Roles.Administrator)]
public sealed class DetailsModel(StaffDirectory directory, StaffAccounts accounts) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public StaffAccountView Account { get; private set; } = default!;
    public IReadOnlyList<StaffAccountChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, accounts.SetActiveAsync(User.Actor(), id, new StaffActiveCommand(false, Reason, Version), ct), "The account has been deactivated. Its sessions have ended.", ct);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, accounts.SetActiveAsync(User.Actor(), id, new StaffActiveCommand(true, null, Version), ct), "The account has been reactivated.", ct);

    public Task<IActionResult> OnPostResetMfaAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, accounts.ResetMfaAsync(User.Actor(), id, Version, ct), "Two-factor sign-in has been reset. They set up a new authenticator app when they next sign in.", ct);

    public Task<IActionResult> OnPostSetUpLinkAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, accounts.SendSetUpLinkAsync(User.Actor(), id, Request.LinkBase(), ct), "A new set-up link has been sent.", ct);

    private async Task<IActionResult> AnswerAsync(string id, Task<Outcome<StaffAccountSaved>> work, string message, CancellationToken ct) =>
        await this.AnswerAsync(await work, _ =>
        {
            Saved = message;
            return Redirect($"/Admin/Users/{id}");
        }, async again => await LoadAsync(id, ct) ? again() : NotFound(), problemStatus: true);

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await directory.OneAsync(id, ct) is not { } account)
        {
            return false;
        }
        Account = account;
        History = await directory.HistoryAsync(id, ct);
        return true;
    }
}
