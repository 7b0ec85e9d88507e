using FamilyTime.Data.Identity;
using FamilyTime.Domain.Accounts;
using FamilyTime.Web.Features.Invitations;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyTime.Web.Features.Account;

/// <summary>
/// "Set up your account" from an invitation link (/Account/Invitation/{token}). Open to anyone, limited like sign-in;
/// a link that cannot be used shows one kind message whatever the reason, with a 404 so nothing is learnt from it.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class InvitationModel(AcceptInvitation accept, SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty]
    public SetUpInput Input { get; set; } = new();

    public InvitationView? Invitation { get; private set; }

    public string MinimumLength => signIn.Options.Password.RequiredLength.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Invitation = await accept.FindAsync(token, ct);
        if (Invitation is null)
        {
            return Unusable();
        }
        Input.UserName = Invitation.SuggestedUserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var outcome = await accept.AcceptAsync(new AcceptCommand(token, Input.UserName, Input.Password, Input.ConfirmPassword), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return Unusable();
        }
        Input.Password = null;
        Input.ConfirmPassword = null;
        return await this.AnswerAsync(outcome, async created =>
        {
            // The new account signs in at once; two-factor is offered on the next page, not required first.
            await signIn.SignInAsync(created.User, isPersistent: false);
            return (IActionResult)Redirect(AccountLinks.Welcome);
        }, async show =>
        {
            Invitation = await accept.FindAsync(token, ct);
            return Invitation is null ? Unusable() : show();
        }, "Input.", problemStatus: true);
    }

    private PageResult Unusable()
    {
        Invitation = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    public static string WhatFor(InvitationKind kind) => kind switch
    {
        InvitationKind.Carer => "see what is next for the children you care for and tell their social worker how family time went",
        InvitationKind.YoungPerson => "see your family time and say what you think about it",
        _ => "see your family time, your written agreement and messages from your social worker",
    };
}

public sealed class SetUpInput
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}
