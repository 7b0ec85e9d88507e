using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Admin.Teams;

/// <summary>The areas and their teams, with a form to add each (/Admin/Teams).</summary>
[StaffOnly(Roles.Administrator)]
public sealed class IndexModel(Organisation organisation) : PageModel
{
    [BindProperty]
    public string? AreaName { get; set; }

    [BindProperty]
    public string? TeamName { get; set; }

    [BindProperty]
    public string? TeamAreaId { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<AreaView> Areas { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AreaItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAreaAsync(CancellationToken ct)
    {
        var outcome = await organisation.AddAreaAsync(User.Actor(), AreaName, ct);
        return await this.AnswerAsync(outcome, added =>
        {
            Saved = $"The area {added.Name} has been added.";
            return Redirect("/Admin/Teams");
        }, async again => { await LoadAsync(ct); return again(); }, fields: f => Rename(f, (Organisation.NameField, nameof(AreaName))), problemStatus: true);
    }

    public async Task<IActionResult> OnPostTeamAsync(CancellationToken ct)
    {
        var outcome = await organisation.AddTeamAsync(User.Actor(), TeamName, Guid.TryParse(TeamAreaId, out var area) ? area : null, ct);
        return await this.AnswerAsync(outcome, added =>
        {
            Saved = $"The team {added.Name} has been added.";
            return Redirect("/Admin/Teams");
        }, async again => { await LoadAsync(ct); return again(); },
            fields: f => Rename(f, (Organisation.NameField, nameof(TeamName)), (Organisation.AreaField, nameof(TeamAreaId))), problemStatus: true);
    }

    /// <summary>The service's field names as this page's two forms name them.</summary>
    private static Dictionary<string, string[]> Rename(IReadOnlyDictionary<string, string[]> errors, params (string From, string To)[] names) =>
        errors.ToDictionary(e => names.FirstOrDefault(n => n.From == e.Key).To ?? e.Key, e => e.Value);

    private async Task LoadAsync(CancellationToken ct)
    {
        Areas = await organisation.ListAsync(ct);
        AreaItems = [.. Areas.Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
    }
}
