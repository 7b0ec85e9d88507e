using FamilyTime.Domain.Access;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Records;

/// <summary>One session: what it is, its record and every version, closing it off, acknowledging and sharing.</summary>
[ForChild(ChildOperation.ViewSessions)]
public sealed class SessionModel(ReadRecord read, CloseSession close, AcknowledgeRecord acknowledge, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<SelectListItem> Outcomes { get; } =
    [
        // Only unsupervised family time closes as held here: the others are closed by their record.
        new("Took place (unsupervised: no record needed)", nameof(SessionStatus.TookPlace)),
        new("Cancelled by the parent or family member", nameof(SessionStatus.CancelledByParent)),
        new("Cancelled by the carer", nameof(SessionStatus.CancelledByCarer)),
        new("Cancelled by us", nameof(SessionStatus.CancelledByAuthority)),
        new("The family member wasn’t able to come", nameof(SessionStatus.ParentDidNotAttend)),
        new("The child said no", nameof(SessionStatus.ChildDeclined)),
        new("Moved to another day", nameof(SessionStatus.Rearranged)),
        new("Suspended", nameof(SessionStatus.Suspended)),
        new("Kept in touch another way (a call, a letter)", nameof(SessionStatus.IndirectContact)),
    ];

    /// <summary>Why we cancelled, from the coded list: it has no entry for anyone's behaviour.</summary>
    public static IReadOnlyList<SelectListItem> CancellationReasons { get; } =
        ServiceCancellationReasons.All.Select(r => new SelectListItem(ServiceCancellationReasons.Describe(r), r.ToString())).ToList();

    /// <summary>What this session may be closed as: a session that needs a record is never closed as held without one.</summary>
    public IReadOnlyList<SelectListItem> OutcomesFor(SessionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.NeedsRecord ? Outcomes.Where(o => o.Value != nameof(SessionStatus.TookPlace)).ToList() : Outcomes;
    }

    public RecordPage View { get; private set; } = default!;
    public DateOnly Today => clock.Today();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? OutcomeReason { get; set; }

    [BindProperty]
    public string? CancellationReason { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => ShowAsync(sessionId, Page, ct);

    [ForChild(ChildOperation.ShareWithFamily)]
    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        var status = EnumNames.Parse<SessionStatus>(Outcome);
        // Radios cannot be cleared without JavaScript: a listed reason ticked beside another outcome is let go here.
        var code = status == SessionStatus.CancelledByAuthority ? EnumNames.Parse<ServiceCancellationReason>(CancellationReason) : null;
        var outcome = await close.HandleAsync(await HttpContext.ChildAsync(), new CloseSessionCommand(sessionId, status, OutcomeReason, code), ct);
        return await AnswerAsync(id, sessionId, outcome, "The session has been closed off.", ct,
            // The domain names the field Status; on this form it is the Outcome radios.
            fields: found => found.ToDictionary(e => e.Key == "Status" ? nameof(Outcome) : e.Key, e => e.Value));
    }

    [ForChild(ChildOperation.ShareWithFamily)]
    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid sessionId, CancellationToken ct) =>
        await AnswerAsync(id, sessionId, await acknowledge.HandleAsync(await HttpContext.ChildAsync(), sessionId, ct), "You have acknowledged the record.", ct);

    private Task<IActionResult> AnswerAsync(Guid id, Guid sessionId, Outcome<Guid> outcome, string done, CancellationToken ct,
        Func<IReadOnlyDictionary<string, string[]>, IReadOnlyDictionary<string, string[]>>? fields = null) =>
        this.AnswerAsync(outcome, _ =>
        {
            Saved = done;
            return Redirect(ChildLinks.Session(id, sessionId));
        },
        // Shown again with its problems: the session is read afresh beneath them.
        again: show => ShowAsync(sessionId, show, ct), fields: fields);

    /// <summary>Reads the session (404 when it is not the child's), then shows the page.</summary>
    private async Task<IActionResult> ShowAsync(Guid sessionId, Func<IActionResult> show, CancellationToken ct) =>
        this.Answer(await read.HandleAsync(await HttpContext.ChildAsync(), sessionId, ct), view =>
        {
            View = view;
            return show();
        });
}
