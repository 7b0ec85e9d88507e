using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Venues;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>Feedback on one session, from anyone who reaches the child: a parent about their own child's family time too.</summary>
[ForChild(ChildOperation.GiveFeedback)]
public sealed class SessionModel(FeedbackTargets targets, GiveFeedback give) : PageModel, IFeedbackForm
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public SessionTarget Session { get; private set; } = default!;
    public bool IsStaff { get; private set; }
    public IEnumerable<SelectListItem> KindOptions => FeedbackWords.Kinds(venueFirst: false, offerVenueConcern: Session.VenueId is not null);
    public string BackLink => User.IsInRole(Roles.Parent) ? "/Portal" : ChildLinks.Sessions(Session.ChildId);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken ct) => await LoadAsync(id, sessionId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sessionId, ct) is { } missing)
        {
            return missing;
        }
        var command = new FeedbackCommand(sessionId, null, Input.KindValue, Input.Text, IsStaff && Input.ChildsOwnWords, id);
        var outcome = await give.GiveAsync(User.Actor(), command, ct);
        return this.Answer(outcome, given =>
        {
            Saved = FeedbackWords.Thanks(given);
            return Redirect(ChildLinks.SessionFeedback(id, sessionId));
        }, fields: FeedbackInput.FormErrors, problemStatus: true);
    }

    private async Task<IActionResult?> LoadAsync(Guid childId, Guid sessionId, CancellationToken ct)
    {
        var session = await targets.SessionAsync(User.Actor(), sessionId, ct);
        if (session is null || session.ChildId != childId)
        {
            return NotFound();
        }
        Session = session;
        IsStaff = User.Scope().IsStaff;
        return null;
    }
}
