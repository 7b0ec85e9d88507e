using FamilyTime.Domain.Access;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>The carer records how the child was before or after one session: seven quick ratings and what they noticed.</summary>
[ForChild(ChildOperation.RecordWellbeing)]
public sealed class RecordModel(WellbeingReader reader, RecordObservation record) : PageModel
{
    [BindProperty]
    public ObservationInput Input { get; set; } = new();

    public SessionToRate Session { get; private set; } = default!;

    public static IEnumerable<SelectListItem> Scale => RatingWords.Scale.Select(s => new SelectListItem($"{s.Value} – {s.Words}", s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> Moments => Enum.GetValues<ObservationMoment>()
        .Where(m => Session.Recorded.All(r => r.Observation.Moment != m))
        .Select(m => new SelectListItem(RatingWords.Moment(m), m.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid sessionId, ObservationMoment? moment, CancellationToken ct)
    {
        var session = await reader.ReadSessionAsync(await HttpContext.ChildAsync(), sessionId, ct);
        if (session is null)
        {
            return NotFound();
        }
        Session = session;
        Input.Moment = moment ?? Moments.Select(m => Enum.Parse<ObservationMoment>(m.Value)).FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await record.HandleAsync(child, sessionId, Input, ct);
        return await this.AnswerAsync(outcome, o =>
        {
            TempData["Saved"] = $"{RatingWords.Moment(o.Moment)} has been recorded.";
            return Redirect(ChildLinks.Wellbeing(id));
        }, again: async show =>
        {
            // Shown again with its problems: the session is read afresh beneath them.
            Session = (await reader.ReadSessionAsync(child, sessionId, ct))!;
            return show();
        }, prefix: "Input.");
    }
}
