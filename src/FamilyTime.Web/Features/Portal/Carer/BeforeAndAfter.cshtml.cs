using FamilyTime.Domain.Access;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Wellbeing;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Portal.Carer;

/// <summary>
/// Before and after on one quick phone screen: seven taps for each, a line of words, one button. It records through
/// the wellbeing feature's <see cref="RecordObservation"/>, so the rules (held sessions only, once per moment) are the same.
/// </summary>
[ForChild(ChildOperation.RecordWellbeing)]
public sealed class BeforeAndAfterModel(WellbeingReader reader, RecordObservation record) : PageModel
{
    [BindProperty]
    public ObservationInput Before { get; set; } = new();

    [BindProperty]
    public ObservationInput After { get; set; } = new();

    public SessionToRate Session { get; private set; } = default!;

    public static IReadOnlyList<SelectListItem> Numbers { get; } =
        Enumerable.Range(1, 5).Select(n => new SelectListItem(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public bool IsRecorded(ObservationMoment moment) => Session.Recorded.Any(r => r.Observation.Moment == moment);

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (await reader.ReadSessionAsync(await HttpContext.ChildAsync(), sessionId, ct) is not { } session)
        {
            return NotFound();
        }
        Session = session;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        Before.Moment = ObservationMoment.Before;
        After.Moment = ObservationMoment.After;
        // Only what the carer filled in is sent: before alone, after alone, or both at once.
        var filled = new[] { Before, After }.Where(Filled).ToList();
        if (filled.Count == 0)
        {
            ModelState.AddModelError("Before.Sleep", "Rate how the child was before or after, or both");
            Session = (await reader.ReadSessionAsync(child, sessionId, ct))!;
            if (Session is null)
            {
                return NotFound();
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await record.HandleAsync(child, sessionId, filled, ct);
        return await this.AnswerAsync(outcome, saved =>
        {
            TempData["Saved"] = saved.Count == 2 ? "Before and after are recorded. Thank you." : $"{RatingWords.Moment(saved[0].Moment)} is recorded. Thank you.";
            return Redirect(CarerLinks.Child(id));
        }, again: async show =>
        {
            if (await reader.ReadSessionAsync(child, sessionId, ct) is not { } session)
            {
                return NotFound();
            }
            Session = session;
            return show();
        }, problemStatus: true);
    }

    private static bool Filled(ObservationInput input) =>
        input.Ratings().Values.Any(v => v is not null) || !string.IsNullOrWhiteSpace(input.Words);
}
