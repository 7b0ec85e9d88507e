using FamilyTime.Data;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Portfolio;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace FamilyTime.Web.Features.Portfolio;

/// <summary>The goal form as typed.</summary>
public sealed class GoalInput
{
    public Guid? PersonId { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A goal or achievement on the staff side, with the person it was agreed with.</summary>
public sealed record StaffGoal(Guid Id, string PersonName, PortfolioItemKind Kind, string Title, string? Detail, DateOnly AgreedOn, DateOnly? AchievedOn);

/// <summary>
/// The child's social worker (or team manager) agrees goals and achievements with a parent for the parent's
/// portfolio, and marks goals achieved. The parent reads them on their portfolio page.
/// </summary>
[ForChild(ChildOperation.AgreeGoals)]
public sealed class GoalsModel(FamilyTimeDbContext db, PortfolioChanges changes) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public string ChildName { get; private set; } = "";
    public IReadOnlyList<StaffGoal> Goals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
    [
        new("A goal to work towards", nameof(PortfolioItemKind.Goal)),
        new("Something already achieved", nameof(PortfolioItemKind.Achievement)),
    ];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var kind = Enum.TryParse<PortfolioItemKind>(Input.Kind, out var k) && Enum.IsDefined(k) && !int.TryParse(Input.Kind, out _) ? k : (PortfolioItemKind?)null;
        var outcome = await changes.AddGoalAsync(await HttpContext.ChildAsync(), new GoalCommand(Input.PersonId ?? Guid.Empty, kind, Input.Title, Input.Detail), ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "Added. The parent sees it in their portfolio.";
            return Redirect($"/Children/{id}/Portfolio");
        }, again: async show => { await LoadAsync(id, ct); return show(); }, prefix: "Input.", problemStatus: true);
    }

    public async Task<IActionResult> OnPostAchievedAsync(Guid id, Guid goalId, CancellationToken ct)
    {
        var outcome = await changes.MarkAchievedAsync(await HttpContext.ChildAsync(), goalId, ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "The goal is marked as achieved.";
            return Redirect($"/Children/{id}/Portfolio");
        }, again: async show => { await LoadAsync(id, ct); return show(); });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await HttpContext.ChildAsync();
        ChildName = child.Name;
        var people = await db.SignificantPeople.AsNoTracking().Where(p => p.ChildId == id).OrderBy(p => p.FullName)
            .Select(p => new { p.Id, p.FullName, p.PortalUserId }).ToListAsync(ct);
        People = people.Select(p => new SelectListItem(p.FullName + (p.PortalUserId is null ? " (no portal account yet)" : ""), p.Id.ToString())).ToList();
        var names = people.ToDictionary(p => p.Id, p => p.FullName);
        Goals = (await db.PortfolioGoals.AsNoTracking().Where(g => g.ChildId == id).OrderByDescending(g => g.AgreedOn).ToListAsync(ct))
            .Select(g => new StaffGoal(g.Id, names.GetValueOrDefault(g.PersonId, ""), g.Kind, g.Title, g.Detail, g.AgreedOn, g.AchievedOn)).ToList();
    }
}
