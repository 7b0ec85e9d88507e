using System.Text.Json;
using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Audit;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Access;
using FamilyTime.Web.Audit;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Workers.Approvals;

/// <summary>One approval as the page lists it.</summary>
public sealed record ApprovalRow(Guid Id, string Who, string ApprovedBy, DateOnly ApprovedOn, DateOnly? Until, bool Current);

/// <summary>
/// The carers and family members approved to supervise the child's family time
/// (/Children/{id}/SupervisionApprovals), for the child's social worker or team manager: who approved, when, until
/// when; add one (the carers of the current home, or a person who matters to the child), or withdraw one. Arrangements
/// supervised by a carer or family member with no current approval are listed with the warning.
/// </summary>
[ForChild(ChildOperation.EditPlan)]
public sealed class SupervisionApprovalsModel(FamilyTimeDbContext db, AuditedSave audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Who { get; set; }

    [BindProperty]
    public DateParts Until { get; set; } = new();

    public IReadOnlyList<ApprovalRow> Approvals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public string ChildName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var errors = new Domain.Common.ValidationErrors();
        var until = Until.IsEmpty ? null : Until.ToDate("Until", "The last day", errors);
        Guid? household = Who == "home" ? child.CurrentCarerHouseholdId : null;
        Guid? person = Guid.TryParse(Who, out var p) && await db.SignificantPeople.AnyAsync(x => x.Id == p && x.ChildId == child.ChildId, ct) ? p : null;
        if (errors.IsValid)
        {
            var (approval, problems) = SupervisionApproval.Create(child.ChildId, household, person, until, null, child.Actor.UserId, child.Actor.DisplayName, clock.Today());
            if (approval is not null)
            {
                db.SupervisionApprovals.Add(approval);
                await audit.SaveAsync(child.Actor.UserId, child.Actor.DisplayName, new AuditNote(AuditAction.Create, AuditRecord.Worker, approval.Id, child.ChildId,
                    JsonSerializer.Serialize(new { approval.CarerHouseholdId, approval.PersonId, approval.Until })), ct);
                return Redirect($"/Children/{child.ChildId}/SupervisionApprovals");
            }
            errors = problems;
        }
        ModelState.AddAll(errors.ByField, "");
        await LoadAsync(ct);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid approvalId, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var approval = await db.SupervisionApprovals.FirstOrDefaultAsync(a => a.Id == approvalId && a.ChildId == child.ChildId, ct);
        if (approval is null)
        {
            return NotFound();
        }
        approval.Withdraw(clock.Today());
        try
        {
            await audit.SaveAsync(child.Actor.UserId, child.Actor.DisplayName, new AuditNote(AuditAction.Update, AuditRecord.Worker, approval.Id, child.ChildId,
                JsonSerializer.Serialize(new { approval.Until })), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Withdrawn by someone else a moment ago: it is withdrawn, as asked.
        }
        return Redirect($"/Children/{child.ChildId}/SupervisionApprovals");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        var today = clock.Today();
        ChildName = child.PreferredName ?? child.FirstName;
        var people = await db.SignificantPeople.AsNoTracking().Where(x => x.ChildId == child.ChildId).OrderBy(x => x.FullName)
            .Select(x => new { x.Id, x.FullName }).ToListAsync(ct);
        var names = people.ToDictionary(x => x.Id, x => x.FullName);
        var households = await db.CarerHouseholds.AsNoTracking().Select(h => new { h.Id, h.Name }).ToListAsync(ct);
        var approvals = await db.SupervisionApprovals.AsNoTracking().Where(a => a.ChildId == child.ChildId).OrderByDescending(a => a.ApprovedOn).ToListAsync(ct);
        Approvals = approvals.Select(a => new ApprovalRow(a.Id,
            a.PersonId is { } pid && names.TryGetValue(pid, out var n) ? n : households.FirstOrDefault(h => h.Id == a.CarerHouseholdId)?.Name ?? "The carers",
            a.ApprovedByName, a.ApprovedOn, a.Until, a.IsCurrent(today))).ToList();
        var choices = new List<SelectListItem>();
        if (child.CurrentCarerHouseholdId is { } home)
        {
            choices.Add(new SelectListItem($"The carers: {households.FirstOrDefault(h => h.Id == home)?.Name}", "home"));
        }
        choices.AddRange(people.Select(x => new SelectListItem(x.FullName, x.Id.ToString())));
        Choices = choices;
        var arrangements = await db.Arrangements.AsNoTracking()
            .Where(a => a.ChildId == child.ChildId && a.EndedOn == null && a.SupervisedBy != SupervisedBy.Worker).ToListAsync(ct);
        Warnings = arrangements.Select(a => SupervisionApproval.Warning(a, child.CurrentCarerHouseholdId, names, approvals, today)).OfType<string>().Distinct().ToList();
    }
}
