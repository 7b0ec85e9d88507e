using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>The carer chooses how they hear that family time was cancelled, moved or ended early.</summary>
[PortalOnly]
public sealed class AlertsModel(AlertPreferences preferences) : PageModel
{
    [BindProperty]
    public AlertChoices Input { get; set; } = new();

    public AlertPreferencesView View { get; private set; } = default!;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await preferences.ReadAsync(User.Actor(), ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Input = new AlertChoices { ByEmail = view.ByEmail, ByText = view.ByText, PhoneBeforeEarlyReturn = view.PhoneBeforeEarlyReturn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await preferences.SaveAsync(User.Actor(), Input, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "Your choices are saved.";
            return Redirect(CarerLinks.Alerts);
        }, again: async show =>
        {
            View = (await preferences.ReadAsync(User.Actor(), ct))!;
            return show();
        }, prefix: "Input.", problemStatus: true);
    }
}
