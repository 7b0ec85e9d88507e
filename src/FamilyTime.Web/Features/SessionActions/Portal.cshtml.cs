using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>The "ask to move this session" form: the day wanted, the earliest and latest start, and why.</summary>
public sealed class RearrangeForm
{
    public DateParts Date { get; set; } = new();
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// The family member's own session, phone first and without JavaScript: when, where and who supervises, and four
/// simple forms — I'm coming, I'm running late, I can't come, can we move it — each saying back what was done.
/// </summary>
[ForChild(ChildOperation.ViewOwnFamilyTime)]
public sealed class PortalModel(FamilySessionReader reader, ConfirmSession confirm, SayRunningLate late, CantCome cantCome, AskToRearrange rearrange) : PageModel
{
    [BindProperty]
    public int? Minutes { get; set; }

    [BindProperty]
    public string? CantComeReason { get; set; }

    [BindProperty]
    public RearrangeForm Move { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public FamilySessionView View { get; private set; } = default!;

    public IEnumerable<SelectListItem> MinuteOptions => RunningLate.Choices.Select(m => new SelectListItem($"{m} minutes", m.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => ShowAsync(sessionId, ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(await confirm.HandleAsync(child, sessionId, ct), sessionId,
            done => done.Changed ? "Thank you. You have confirmed you are coming." : "You had already confirmed you are coming.", ct);
    }

    public async Task<IActionResult> OnPostLateAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(await late.HandleAsync(child, sessionId, Minutes, ct), sessionId,
            _ => $"Thank you. We have told the carer and the worker you are running {Minutes} minutes late.", ct, field => field == "RunningLateMinutes" ? nameof(Minutes) : field);
    }

    public async Task<IActionResult> OnPostCantComeAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        return await AnswerAsync(await cantCome.HandleAsync(child, sessionId, CantComeReason, ct), sessionId,
            _ => "Thank you for letting us know. The session is cancelled and we have told the carer and the worker.", ct, field => field == "OutcomeReason" ? nameof(CantComeReason) : field);
    }

    public async Task<IActionResult> OnPostRearrangeAsync(Guid sessionId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var errors = new ValidationErrors();
        var date = Move.Date.ToDate("Move.Date", "The day you would like", errors);
        var from = TimeText.Parse(Move.From, "Move.From", "The earliest time", errors);
        var to = TimeText.Parse(Move.To, "Move.To", "The latest time", errors);
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "");
            return await ShowAsync(sessionId, ct, 400);
        }
        return await AnswerAsync(await rearrange.HandleAsync(child, sessionId, new RearrangeAsk(date, from, to, Move.Reason), ct), sessionId,
            _ => "Thank you. We have sent your request to your social worker, who will let you know.", ct, field => field switch
            {
                "ProposedDate" => "Move.Date",
                "ProposedFrom" => "Move.From",
                "ProposedTo" => "Move.To",
                "Reason" => "Move.Reason",
                _ => field,
            });
    }

    private async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, Guid sessionId, Func<T, string> saved, CancellationToken ct, Func<string, string>? field = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Saved = saved(outcome.Value!);
                return Redirect(ChildLinks.PortalSession(View?.ChildId ?? (await HttpContext.ChildAsync()).ChildId, sessionId));
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return this.Refuse(outcome.Message);
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                return await ShowAsync(sessionId, ct, 409);
            default:
                foreach (var (key, messages) in outcome.Errors!)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field is null ? key : field(key), message);
                    }
                }
                return await ShowAsync(sessionId, ct, 400);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid sessionId, CancellationToken ct, int? status = null)
    {
        var child = await HttpContext.ChildAsync();
        var outcome = await reader.ReadAsync(child, sessionId, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return NotFound();
        }
        View = outcome.Value!;
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
