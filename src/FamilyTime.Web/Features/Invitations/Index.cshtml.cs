using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Invitations;

/// <summary>
/// The child's portal accounts and invitations (/Children/{id}/Invitations), for the child's editors: each invitation
/// with its state, to re-send or revoke; each account linked to the child, to suspend or restore with a reason.
/// </summary>
[ForChild(ChildOperation.EditChild)]
public sealed class IndexModel(InvitationList list, SendInvitation send, RevokeInvitation revoke, SuspendAccount suspend) : PageModel
{
    public ChildContext Child { get; private set; } = null!;
    public ChildInvitations Data { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostResendAsync(Guid invitationId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await send.ResendAsync(child, invitationId, Request.LinkBase(), ct);
        return await this.AnswerAsync(outcome, sent =>
        {
            Saved = $"A new invitation has been sent to {sent.InviteeName}. The old link no longer works.";
            return Redirect(AccountLinks.Invitations(child.ChildId));
        }, Again(ct));
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await revoke.RevokeAsync(child, invitationId, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "The invitation has been revoked: its link no longer works.";
            return Redirect(AccountLinks.Invitations(child.ChildId));
        }, Again(ct));
    }

    public Task<IActionResult> OnPostSuspendAsync(string userId, CancellationToken ct) => SetSuspendedAsync(userId, true, ct);

    public Task<IActionResult> OnPostRestoreAsync(string userId, CancellationToken ct) => SetSuspendedAsync(userId, false, ct);

    private async Task<IActionResult> SetSuspendedAsync(string userId, bool suspended, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await suspend.ForChildAsync(child, new SuspendCommand(userId, suspended, Reason), ct);
        return await this.AnswerAsync(outcome, state =>
        {
            Saved = suspended ? $"The account {state.UserName} is suspended: it cannot sign in." : $"The account {state.UserName} can sign in again.";
            return Redirect(AccountLinks.Invitations(child.ChildId));
        }, Again(ct), fields: e => e.ToDictionary(kv => kv.Key == SuspendAccount.ReasonField ? $"Reason-{userId}" : kv.Key, kv => kv.Value), problemStatus: true);
    }

    private Func<Func<IActionResult>, Task<IActionResult>> Again(CancellationToken ct) => async show =>
    {
        await LoadAsync(ct);
        return show();
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Child = await HttpContext.ChildAsync();
        Data = await list.ForAsync(Child, ct);
    }
}
