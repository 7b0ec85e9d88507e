using System.Security.Claims;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Teams;
using FamilyTime.Web.Features.Admin.Users;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Api;

/// <summary>A staff account to add or change: roles from the staff roles; teamId for a social worker or team manager,
/// areaId for a coordinator; version (from the account's answer) when changing.</summary>
public sealed record StaffAccountRequest(string? UserName, string? DisplayName, string? Email, IReadOnlyList<string>? Roles, Guid? TeamId, Guid? AreaId, string? Version);

public sealed record StaffActiveRequest(string? Reason, string? Version);

public sealed record StaffVersionRequest(string? Version);

public sealed record AreaRequest(string? Name);

public sealed record TeamRequest(string? Name, Guid? AreaId);

/// <summary>
/// What the administrators' pages do, for a council that scripts its set-up: staff accounts, areas and teams. Each
/// change is audited as on the pages.
/// </summary>
public static class StaffAdminEndpoints
{
    public static void MapStaffAdminEndpoints(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/admin/staff").WithTags("Administration").StaffOnly(Roles.Administrator);
        staff.MapGet("", async (StaffDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.ListAsync(ct)))
            .WithSummary("Every staff account: roles, team, area, whether active, two-factor sign-in set up, last sign-in.");
        staff.MapGet("/{userId:guid}", async (string userId, StaffDirectory directory, CancellationToken ct) =>
                await directory.OneAsync(userId, ct) is { } account ? Results.Ok(account) : ApiResults.NotFound())
            .WithSummary("One staff account.").Produces<StaffAccountView>().ProducesProblem(404);
        staff.MapGet("/{userId:guid}/history", async (string userId, StaffDirectory directory, CancellationToken ct) =>
                await directory.OneAsync(userId, ct) is null ? ApiResults.NotFound() : Results.Ok(await directory.HistoryAsync(userId, ct)))
            .WithSummary("Every change made to a staff account, newest first, from the audit log.").Produces<IReadOnlyList<StaffAccountChange>>().ProducesProblem(404);
        staff.MapPost("", async (ClaimsPrincipal user, StaffAccountRequest body, StaffAccounts accounts, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await accounts.CreateAsync(user.Actor(), Details(body), http.Request.LinkBase(), ct),
                    saved => TypedResults.Created($"/api/v1/admin/staff/{saved.Id}", saved)))
            .WithSummary("Adds a staff account and e-mails its set-up link (to choose a password) to the work address.")
            .Produces<StaffAccountSaved>(201).ProducesValidationProblem().ProducesProblem(403);
        staff.MapPut("/{userId:guid}", async (ClaimsPrincipal user, string userId, StaffAccountRequest body, StaffAccounts accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.ChangeAsync(user.Actor(), userId, Details(body), body.Version ?? "", ct), TypedResults.Ok))
            .WithSummary("Changes a staff account's details, roles, team and area. Send the version from the account's answer: a stale one answers 409.")
            .Produces<StaffAccountSaved>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        staff.MapPost("/{userId:guid}/deactivate", async (ClaimsPrincipal user, string userId, StaffActiveRequest body, StaffAccounts accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.SetActiveAsync(user.Actor(), userId, new StaffActiveCommand(false, body.Reason, body.Version), ct), TypedResults.Ok))
            .WithSummary("Deactivates a staff account, with a reason: it cannot sign in and its sessions end.")
            .Produces<StaffAccountSaved>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        staff.MapPost("/{userId:guid}/reactivate", async (ClaimsPrincipal user, string userId, StaffVersionRequest? body, StaffAccounts accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.SetActiveAsync(user.Actor(), userId, new StaffActiveCommand(true, null, body?.Version), ct), TypedResults.Ok))
            .WithSummary("Lets a deactivated staff account sign in again.")
            .Produces<StaffAccountSaved>().ProducesProblem(404).ProducesProblem(409);
        staff.MapPost("/{userId:guid}/reset-mfa", async (ClaimsPrincipal user, string userId, StaffVersionRequest? body, StaffAccounts accounts, CancellationToken ct) =>
                ApiResults.From(await accounts.ResetMfaAsync(user.Actor(), userId, body?.Version, ct), TypedResults.Ok))
            .WithSummary("Removes the account's authenticator app and recovery codes (a lost phone); they set up a new one at their next sign-in.")
            .Produces<StaffAccountSaved>().ProducesProblem(404).ProducesProblem(409);
        staff.MapPost("/{userId:guid}/set-up-link", async (ClaimsPrincipal user, string userId, StaffAccounts accounts, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await accounts.SendSetUpLinkAsync(user.Actor(), userId, http.Request.LinkBase(), ct), TypedResults.Ok))
            .WithSummary("E-mails a new set-up link to the account's work address.")
            .Produces<StaffAccountSaved>().ProducesValidationProblem().ProducesProblem(404);

        var organisation = api.MapGroup("/admin/areas").WithTags("Administration").StaffOnly(Roles.Administrator);
        organisation.MapGet("", async (Organisation areas, CancellationToken ct) => TypedResults.Ok(await areas.ListAsync(ct)))
            .WithSummary("The service's areas, each with its teams.");
        organisation.MapPost("", async (ClaimsPrincipal user, AreaRequest body, Organisation areas, CancellationToken ct) =>
                ApiResults.From(await areas.AddAreaAsync(user.Actor(), body.Name, ct), added => TypedResults.Created("/api/v1/admin/areas", added)))
            .WithSummary("Adds an area.").Produces<OrganisationAdded>(201).ProducesValidationProblem();
        api.MapPost("/admin/teams", async (ClaimsPrincipal user, TeamRequest body, Organisation areas, CancellationToken ct) =>
                ApiResults.From(await areas.AddTeamAsync(user.Actor(), body.Name, body.AreaId, ct), added => TypedResults.Created("/api/v1/admin/areas", added)))
            .WithTags("Administration").StaffOnly(Roles.Administrator)
            .WithSummary("Adds a social work team to an area.").Produces<OrganisationAdded>(201).ProducesValidationProblem();
    }

    private static StaffAccountDetails Details(StaffAccountRequest body) =>
        new(body.UserName, body.DisplayName, body.Email, body.Roles, body.TeamId, body.AreaId);
}
