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
public sealed class SessionModel(RecordWorkflow workflow, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<SelectListItem> Outcomes { get; } =
    [
        new("Took place (no record needed, for example unsupervised)", nameof(SessionStatus.TookPlace)),
        new("Cancelled by the parent or family member", nameof(SessionStatus.CancelledByParent)),
        new("Cancelled by the carer", nameof(SessionStatus.CancelledByCarer)),
        new("Cancelled by us", nameof(SessionStatus.CancelledByAuthority)),
        new("The family member wasn’t able to come", nameof(SessionStatus.ParentDidNotAttend)),
        new("The child said no", nameof(SessionStatus.ChildDeclined)),
        new("Moved to another day", nameof(SessionStatus.Rearranged)),
        new("Suspended", nameof(SessionStatus.Suspended)),
        new("Kept in touch another way (a call, a letter)", nameof(SessionStatus.IndirectContact)),
    ];

    public RecordPage View { get; private set; } = default!;
    public DateOnly Today => clock.Today();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? OutcomeReason { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken ct) => await LoadAsync(id, sessionId, ct) ?? Page();

    public Task<IActionResult> OnPostCloseAsync(Guid id, Guid sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => workflow.CloseAsync(User.Actor(), id, sessionId, EnumNames.Parse<SessionStatus>(Outcome), OutcomeReason, ct), "The session has been closed off.", ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => workflow.AcknowledgeAsync(User.Actor(), id, sessionId, ct), "You have acknowledged the record.", ct);

    public Task<IActionResult> OnPostShareAsync(Guid id, Guid sessionId, CancellationToken ct) =>
        ActAsync(id, sessionId, () => workflow.ShareAsync(User.Actor(), id, sessionId, ct), "The observations are shared with the family, with other people's details taken out.", ct);

    private async Task<IActionResult> ActAsync(Guid id, Guid sessionId, Func<Task<Outcome<Guid>>> act, string done, CancellationToken ct)
    {
        var outcome = await act();
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Saved = done;
                return Redirect($"/Children/{id}/Sessions/{sessionId}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                break;
            default:
                ModelState.AddAll(outcome.Errors!.ToDictionary(e => e.Key == "Status" ? "Outcome" : e.Key, e => e.Value), "");
                break;
        }
        return await LoadAsync(id, sessionId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        var outcome = await workflow.ReadAsync(User.Actor(), id, sessionId, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return NotFound();
        }
        View = outcome.Value!;
        return null;
    }
}
