using FamilyTime.Domain.Access;
using FamilyTime.Domain.Rota;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Rota;

/// <summary>
/// The coordinator's rota (/Rota): choose an area and a week (next week in the coordinator's own area unless chosen),
/// plan it in the background, watch it solve (the page refreshes itself, no script needed), read the plan day by day
/// with what changed and why, pin or change a session, plan again, and publish. Team managers and heads of service
/// read it.
/// </summary>
[StaffOnly(Roles.ContactCoordinator, Roles.TeamManager, Roles.HeadOfService)]
public sealed class IndexModel(RotaReader reader, StartRotaRun start, PublishRota publish, PinRotaSession pins, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];
    public RotaWeekView? Week { get; private set; }
    public string WeekName { get; private set; } = "";
    public string PreviousWeek { get; private set; } = "";
    public string NextWeek { get; private set; } = "";
    public bool CanPlan { get; private set; }
    public RotaPublished? Published { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "week")]
    public string? WeekText { get; set; }

    [BindProperty]
    public bool AllowMoreChanges { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        // A week or an area that cannot be read is shown as a problem, not quietly swapped for next week or another area.
        if (await ChoiceProblemAsync(ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        var (area, week) = await ChosenAsync(ct);
        var outcome = await start.HandleAsync(User.Scope(), area, week, AllowMoreChanges, ct);
        return await this.AnswerAsync(outcome, started =>
        {
            TempData["Saved"] = started.AlreadyUnderWay ? "The week is already being planned: here is how it is going." : "Planning the week. This page shows how it is going.";
            return (IActionResult)Redirect(Link(area, week));
        }, again => ShowAgainAsync(again, ct), problemStatus: true);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid runId, CancellationToken ct)
    {
        var (area, week) = await ChosenAsync(ct);
        var outcome = await publish.HandleAsync(User.Scope(), User.UserName(), runId, ct);
        return await this.AnswerAsync(outcome, async done =>
        {
            Published = done;
            TempData["Saved"] = $"The rota is published: {done.Changed} session{(done.Changed == 1 ? "" : "s")} changed, {done.Moved} moved (their carers and families have been told).";
            if (done.Skipped.Count == 0)
            {
                return Redirect(Link(area, week));
            }
            // Skipped sessions are listed on the page itself, so nobody misses them.
            return await ShowAsync(ct);
        }, again => ShowAgainAsync(again, ct), problemStatus: true);
    }

    public async Task<IActionResult> OnPostUnpinAsync(Guid sessionId, CancellationToken ct)
    {
        var (area, week) = await ChosenAsync(ct);
        var outcome = await pins.UnpinAsync(User.Scope(), sessionId, ct);
        return this.Answer(outcome, removed =>
        {
            // A repeated click finds the pin already gone: nothing more to do, and the page says so.
            TempData["Saved"] = removed ? "The pin has been taken off. Plan the week again for the plan to use it." : "That session has no pin: nothing was changed.";
            return Redirect(Link(area, week));
        });
    }

    /// <summary>How long the run has been planning: from when it started by the clock, not from its last progress
    /// report (the optimiser reports only when it finds a better plan, so the time stood still between them).</summary>
    public int SecondsSoFar(RotaRun run) => run.StartedAt is { } started
        ? (int)Math.Max(run.ElapsedSeconds, (clock.GetUtcNow().UtcDateTime - started).TotalSeconds)
        : 0;

    public static string Link(Guid area, DateOnly week) => $"/Rota?area={area}&week={RotaWeek.Name(week)}";

    private async Task<IActionResult> ShowAgainAsync(Func<IActionResult> again, CancellationToken ct)
    {
        await ShowAsync(ct);
        return again();
    }

    private async Task<bool> ChoiceProblemAsync(CancellationToken ct)
    {
        var areaUnreadable = ModelState.TryGetValue(nameof(Area), out var entry) && entry.Errors.Count > 0;
        var areaUnknown = Area is { } a && !(await AreasAsync(ct)).Any(x => x.Id == a);
        if (areaUnreadable || areaUnknown)
        {
            ModelState.Remove(nameof(Area));
            ModelState.AddModelError(nameof(Area), "Choose an area from the list");
            Area = null;
            return true;
        }
        // ShowAsync says what is wrong with the week.
        return !string.IsNullOrWhiteSpace(WeekText) && RotaWeek.Parse(WeekText) is null;
    }

    /// <summary>The areas, read once per request (checking the choice, choosing and showing all need them).</summary>
    private async Task<IReadOnlyList<AreaChoice>> AreasAsync(CancellationToken ct) => _areas ??= await reader.AreasAsync(ct);

    private IReadOnlyList<AreaChoice>? _areas;

    private async Task<(Guid Area, DateOnly Week)> ChosenAsync(CancellationToken ct)
    {
        var areas = await AreasAsync(ct);
        var scope = User.Scope();
        var area = Area is { } a && areas.Any(x => x.Id == a) ? a
            : scope.AreaId is { } own && areas.Any(x => x.Id == own) ? own
            : areas.Count > 0 ? areas[0].Id : Guid.Empty;
        var week = RotaWeek.Parse(WeekText) ?? RotaWeek.Next(clock.Today());
        Area = area;
        Areas = areas.Select(x => new SelectListItem(x.Name, x.Id.ToString())).ToList();
        return (area, week);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(WeekText) && RotaWeek.Parse(WeekText) is null)
        {
            ModelState.AddModelError("week", "Enter the week like 2026-W48, or a date in the week like 2026-11-23");
        }
        var (area, week) = await ChosenAsync(ct);
        WeekName = RotaWeek.Name(week);
        PreviousWeek = RotaWeek.Name(week.AddDays(-7));
        NextWeek = RotaWeek.Name(week.AddDays(7));
        CanPlan = RotaAccess.MayPlan(User.Scope());
        Week = area == Guid.Empty ? null : await reader.WeekAsync(area, week, ct);
        if (Week?.Run?.IsUnderWay == true)
        {
            // Without script the page looks again every two seconds while the week is being planned.
            ViewData["RefreshSeconds"] = 2;
        }
        return Page();
    }
}
