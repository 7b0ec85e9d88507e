using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Retention;

/// <summary>
/// Record or correct the day a child died (a team manager or head of service): it sets how long the child's case
/// record is kept. The form carries the version read, so a change made meanwhile is not saved over.
/// </summary>
[ForChild(ChildOperation.ManageRetention)]
public sealed class DateOfDeathModel(DatesOfDeath deaths) : PageModel
{
    [BindProperty]
    public DateParts DateOfDeath { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public DateOfDeathState? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        this.Answer(await LoadAsync(ct), state =>
        {
            DateOfDeath = DateParts.From(state.DateOfDeath);
            Version = state.Version;
            return Page();
        });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var died = DateOfDeath.ToDate(nameof(DateOfDeath), "Date of death", errors);
        if (errors.IsValid && died is null)
        {
            errors.Add(nameof(DateOfDeath), "Enter the date of death");
        }
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "");
            await LoadAsync(ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(child.ChildId, await deaths.RecordAsync(child, died, Version, ct), ct);
    }

    /// <summary>Takes away a date entered by mistake: the record is kept to the child's 75th birthday again.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(child.ChildId, await deaths.RecordAsync(child, null, Version, ct), ct);
    }

    /// <summary>"4 March 2026", as the page writes dates.</summary>
    public static string Written(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private async Task<Outcome<DateOfDeathState>> LoadAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildId = child.ChildId;
        ChildName = child.Name;
        var outcome = await deaths.CurrentAsync(child, ct);
        Current = outcome.Value;
        return outcome;
    }

    /// <param name="childId">From the route's child, as on the legal hold page: <see cref="ChildId"/> is set only when
    /// the page is loaded, which a successful post does not do.</param>
    private async Task<IActionResult> AnswerAsync(Guid childId, Outcome<DateOfDeathState> outcome, CancellationToken ct) =>
        await this.AnswerAsync(outcome, state =>
        {
            Saved = state.DateOfDeath is { } d
                ? $"The date of death has been saved as {Written(d)}."
                : "The date of death has been removed.";
            return Redirect(ChildLinks.Child(childId) + "/DateOfDeath");
        }, again: async show =>
        {
            await LoadAsync(ct);
            if (outcome.Kind == OutcomeKind.Conflict && Current is { } now)
            {
                // Show what is saved now, with its version, so saving again is a choice made knowing it.
                DateOfDeath = DateParts.From(now.DateOfDeath);
                Version = now.Version;
                ModelState.Remove(nameof(Version));
                ModelState.Remove($"{nameof(DateOfDeath)}.{nameof(DateParts.Day)}");
                ModelState.Remove($"{nameof(DateOfDeath)}.{nameof(DateParts.Month)}");
                ModelState.Remove($"{nameof(DateOfDeath)}.{nameof(DateParts.Year)}");
            }
            return show();
        }, problemStatus: true);
}
