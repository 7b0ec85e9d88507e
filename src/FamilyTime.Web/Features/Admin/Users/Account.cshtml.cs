using FamilyTime.Domain.Access;
using FamilyTime.Domain.Accounts;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Teams;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Admin.Users;

/// <summary>Add a staff account (/Admin/Users/Add) or change one (/Admin/Users/{id}/Edit).</summary>
[StaffOnly(Roles.Administrator)]
public sealed class AccountModel(StaffAccounts accounts, StaffDirectory directory, Organisation organisation) : PageModel
{
    [BindProperty]
    public StaffAccountInput Input { get; set; } = new();

    public string? AccountId { get; private set; }
    public string Heading { get; private set; } = "";
    public IReadOnlyList<SelectListItem> RoleItems { get; } = [.. Roles.Staff.Select(r => new SelectListItem(Roles.Describe(r), r))];
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    /// <summary>Someone else saved the account first (the page answers 409).</summary>
    public bool Conflict => Response.StatusCode == StatusCodes.Status409Conflict;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        if (id is null)
        {
            return Page();
        }
        var account = await directory.OneAsync(id, ct);
        if (account is null)
        {
            return NotFound();
        }
        Input = new StaffAccountInput
        {
            DisplayName = account.DisplayName, UserName = account.UserName, Email = account.Email, Roles = [.. account.Roles],
            TeamId = account.TeamId?.ToString(), AreaId = account.AreaId?.ToString(), Version = account.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        var details = new StaffAccountDetails(Input.UserName, Input.DisplayName, Input.Email, Input.Roles,
            Guid.TryParse(Input.TeamId, out var team) ? team : null, Guid.TryParse(Input.AreaId, out var area) ? area : null);
        var outcome = id is null
            ? await accounts.CreateAsync(User.Actor(), details, Request.LinkBase(), ct)
            : await accounts.ChangeAsync(User.Actor(), id, details, Input.Version ?? "", ct);
        return this.Answer(outcome, saved =>
        {
            TempData["Saved"] = id is null
                ? $"The account {saved.UserName} has been added. A link to choose a password has been sent to {Input.Email?.Trim()}."
                : $"The account {saved.UserName} has been saved.";
            return Redirect($"/Admin/Users/{saved.Id}");
        }, "Input.", problemStatus: true);
    }

    private async Task PrepareAsync(string? id, CancellationToken ct)
    {
        AccountId = id;
        Heading = id is null ? "Add a staff account" : "Change a staff account";
        var areas = await organisation.ListAsync(ct);
        Areas = [.. areas.Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
        Teams = [.. areas.SelectMany(a => a.Teams.Select(t => new SelectListItem($"{t.Name} ({a.Name})", t.Id.ToString())))];
    }
}

public sealed class StaffAccountInput
{
    public string? DisplayName { get; set; }
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? TeamId { get; set; }
    public string? AreaId { get; set; }
    public string? Version { get; set; }
}
