using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Invitations;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FamilyTime.Web.Api;

/// <summary>
/// Who to invite: kind FamilyMember with personId (a person on the child's record), Carer with name (a carer of the
/// child's current home), or YoungPerson; channel Email or Text, and sendTo the address or mobile number.
/// </summary>
public sealed record InvitationRequest(InvitationKind? Kind, Guid? PersonId, string? Name, InvitationChannel? Channel, string? SendTo);

/// <summary>Accepting an invitation: the token from the link, the chosen user name and the password twice.</summary>
public sealed record AcceptInvitationRequest(string? Token, string? UserName, string? Password, string? ConfirmPassword);

/// <summary>The account an invitation set up: the user name to sign in with and its role.</summary>
public sealed record AccountCreatedDto(string UserName, string Role);

public sealed record SuspendRequest(string? Reason);

public static class InvitationEndpoints
{
    /// <summary>Accepting is for someone with no account yet: anonymous, limited like sign-in.</summary>
    public static void MapInvitationAcceptEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/invitations/accept", Accept).AllowAnonymous().RequireRateLimiting(Startup.SignInRateLimit).WithTags("Invitations")
            .WithSummary("Sets up an account from an invitation: the token from the link, a user name and a password (twice). Then sign in at /auth/token. A token that cannot be used (unknown, used, revoked or expired) answers 404, the same for each.")
            .ProducesValidationProblem().ProducesProblem(404);
    }

    public static void MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/children/{id:guid}/invitations").WithTags("Invitations");
        invitations.MapGet("", List).ForChild(ChildOperation.EditChild)
            .WithSummary("The child's invitations with their state (Sent, Accepted, Expired, Revoked), for the child's social worker or team manager.");
        invitations.MapPost("", Invite).ForChild(ChildOperation.EditChild)
            .WithSummary("Invites a family member, a carer of the child's home or the young person (from the age the service sets) by e-mail or text. A person already invited or with an account answers 400.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        invitations.MapPost("/{invitationId:guid}/resend", Resend).ForChild(ChildOperation.EditChild)
            .WithSummary("Sends the invitation again with a new link; the old link stops working.")
            .ProducesValidationProblem().ProducesProblem(409);
        invitations.MapPost("/{invitationId:guid}/revoke", Revoke).ForChild(ChildOperation.EditChild)
            .WithSummary("Revokes an invitation: its link stops working.").ProducesValidationProblem();

        var childAccounts = api.MapGroup("/children/{id:guid}/accounts").WithTags("Invitations");
        childAccounts.MapPost("/{userId}/suspend", (ChildContext child, string userId, SuspendRequest body, SuspendAccount suspend, CancellationToken ct) =>
                ForChild(child, new SuspendCommand(userId, true, body.Reason), suspend, ct)).ForChild(ChildOperation.EditChild)
            .WithSummary("Suspends a family member's or the young person's account linked to the child, with a reason: it cannot sign in and any open sign-in ends.")
            .ProducesValidationProblem();
        childAccounts.MapPost("/{userId}/unsuspend", (ChildContext child, string userId, SuspendRequest? body, SuspendAccount suspend, CancellationToken ct) =>
                ForChild(child, new SuspendCommand(userId, false, body?.Reason), suspend, ct)).ForChild(ChildOperation.EditChild)
            .WithSummary("Lets a suspended account linked to the child sign in again.");

        var accounts = api.MapGroup("/accounts").WithTags("Invitations");
        accounts.MapPost("/{userId}/suspend", (ClaimsPrincipal user, string userId, SuspendRequest body, SuspendAccount suspend, CancellationToken ct) =>
                AsAdministrator(user, new SuspendCommand(userId, true, body.Reason), suspend, ct)).StaffOnly(Roles.Administrator)
            .WithSummary("An administrator suspends any account, with a reason.").ProducesValidationProblem();
        accounts.MapPost("/{userId}/unsuspend", (ClaimsPrincipal user, string userId, SuspendRequest? body, SuspendAccount suspend, CancellationToken ct) =>
                AsAdministrator(user, new SuspendCommand(userId, false, body?.Reason), suspend, ct)).StaffOnly(Roles.Administrator)
            .WithSummary("An administrator lets a suspended account sign in again.");
    }

    private static async Task<Ok<IReadOnlyList<InvitationRow>>> List(ChildContext child, InvitationList list, CancellationToken ct) =>
        TypedResults.Ok((await list.ForAsync(child, ct)).Invitations);

    private static async Task<Results<Created<InvitationSent>, ProblemHttpResult>> Invite(ChildContext child, InvitationRequest body, SendInvitation send, HttpContext http, CancellationToken ct)
    {
        var outcome = await send.InviteAsync(child, new InviteCommand(body.Kind, body.PersonId, body.Name, body.Channel, body.SendTo), http.Request.LinkBase(), ct);
        return ApiResults.From(outcome, sent => TypedResults.Created($"/api/v1/children/{child.ChildId}/invitations", sent));
    }

    private static async Task<Results<Created<InvitationSent>, ProblemHttpResult>> Resend(ChildContext child, Guid invitationId, SendInvitation send, HttpContext http, CancellationToken ct) =>
        ApiResults.From(await send.ResendAsync(child, invitationId, http.Request.LinkBase(), ct),
            sent => TypedResults.Created($"/api/v1/children/{child.ChildId}/invitations", sent));

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(ChildContext child, Guid invitationId, RevokeInvitation revoke, CancellationToken ct) =>
        ApiResults.From(await revoke.RevokeAsync(child, invitationId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<AccountState>, ProblemHttpResult>> ForChild(ChildContext child, SuspendCommand command, SuspendAccount suspend, CancellationToken ct) =>
        ApiResults.From(await suspend.ForChildAsync(child, command, ct), TypedResults.Ok);

    private static async Task<Results<Ok<AccountState>, ProblemHttpResult>> AsAdministrator(ClaimsPrincipal user, SuspendCommand command, SuspendAccount suspend, CancellationToken ct) =>
        ApiResults.From(await suspend.AsAdministratorAsync(user.Actor(), command, ct), TypedResults.Ok);

    private static async Task<Results<Created<AccountCreatedDto>, ProblemHttpResult>> Accept(AcceptInvitationRequest body, AcceptInvitation accept, CancellationToken ct)
    {
        var outcome = await accept.AcceptAsync(new AcceptCommand(body.Token, body.UserName, body.Password, body.ConfirmPassword), ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return TypedResults.Problem(statusCode: 404, title: "This invitation cannot be used", detail: InvitationWords.Unusable);
        }
        return ApiResults.From(outcome, created => TypedResults.Created("/api/v1/auth/token", new AccountCreatedDto(created.User.UserName!, created.Role)));
    }
}
