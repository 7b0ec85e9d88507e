using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Sessions;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.SessionActions;

/// <summary>The worker's answer on the page: the agreed day and start (approve), or why not (refuse), against the request's version.</summary>
public sealed class DecisionForm
{
    public DateParts Date { get; set; } = new();
    public string? Start { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A family's request to move a session, for the child's social worker or their team manager to approve (the
/// session moves, everyone is told) or refuse with a reason the family reads. The task links here.
/// </summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class RearrangementModel(FamilyTimeDbContext db, DecideRearrangement decide, AuditedSave audit) : PageModel
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public RearrangeRequest Asked { get; private set; } = default!;
    public string ChildName { get; private set; } = "";
    public Guid ChildId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid requestId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        // The read and its audit entry in one transaction; a request not found is no view, and leaves no entry.
        if (!await audit.ViewAsync(child.Actor.UserId, child.Actor.UserName, c => LoadAsync(sessionId, requestId, c),
            found => found ? [new AuditNote(AuditAction.View, AuditRecord.Session, sessionId, child.ChildId)] : [], ct))
        {
            return NotFound();
        }
        Input = new DecisionForm { Date = DateParts.From(Asked.ProposedDate), Start = TimeText.Show(Asked.ProposedFrom), Version = Asked.Version };
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid sessionId, Guid requestId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var date = Input.Date.ToDate("Input.Date", "The day", errors);
        var start = TimeText.Parse(Input.Start, "Input.Start", "The start time", errors);
        return DecideAsync(sessionId, requestId, new RearrangeDecision(requestId, true, date, start, null, Input.Version), errors, ct);
    }

    public Task<IActionResult> OnPostRefuseAsync(Guid sessionId, Guid requestId, CancellationToken ct) =>
        DecideAsync(sessionId, requestId, new RearrangeDecision(requestId, false, null, null, Input.Reason, Input.Version), new ValidationErrors(), ct);

    private async Task<IActionResult> DecideAsync(Guid sessionId, Guid requestId, RearrangeDecision decision, ValidationErrors errors, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "");
            return await AgainAsync(sessionId, requestId, 400, ct);
        }
        var outcome = await decide.HandleAsync(child, sessionId, decision, ct);
        return await this.AnswerAsync(outcome, request =>
        {
            Saved = request.Status == RearrangeStatus.Approved
                ? $"The session has moved to {TimeText.Day(request.AgreedDate!.Value)} at {TimeText.Show(request.AgreedStart!.Value)}. The carer, the worker and the family have been told."
                : "You have refused the request. The family have been told why.";
            return Redirect(SessionActionLinks.Rearrangement(child.ChildId, sessionId, requestId));
        }, async show => await LoadAsync(sessionId, requestId, ct) ? show() : NotFound(), prefix: "Input.", fields: f => f.ToDictionary(
            e => e.Key switch { "AgreedDate" => "Date", "RefusalReason" => "Reason", _ => e.Key }, e => e.Value), problemStatus: true);
    }

    private async Task<IActionResult> AgainAsync(Guid sessionId, Guid requestId, int status, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, requestId, ct))
        {
            return NotFound();
        }
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<bool> LoadAsync(Guid sessionId, Guid requestId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var request = await db.RearrangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.SessionId == sessionId && r.ChildId == child.ChildId, ct);
        if (request is null)
        {
            return false;
        }
        Asked = request;
        ChildName = child.PreferredName ?? child.FirstName;
        ChildId = child.ChildId;
        return true;
    }
}
