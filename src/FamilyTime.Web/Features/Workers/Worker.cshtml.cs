using System.Globalization;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Workforce;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.SessionActions;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Workers;

/// <summary>One weekday of the pattern on the form.</summary>
public sealed class DayInput
{
    public DayOfWeek Day { get; set; }
    public bool Works { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
}

public sealed class WorkerInput
{
    public string? AreaId { get; set; }
    public List<DayInput> Days { get; set; } = [];
    public string? Languages { get; set; }
    public bool Driver { get; set; }
    public bool TrainedToAssess { get; set; }
    public int? MaxHoursPerWeek { get; set; }
    public string? BasePostcode { get; set; }
    public int Version { get; set; }
}

public sealed class LeaveInput
{
    public DateParts From { get; set; } = new();
    public DateParts Until { get; set; } = new();
    public string? Reason { get; set; }
}

/// <summary>
/// One worker's profile and leave (/Workers/{userId}): area, weekly pattern, languages, car, most hours a week,
/// office postcode, and "trained for assessed family time" (kept on their account, shown and changed here); leave
/// still to come, added and removed here.
/// </summary>
[StaffOnly(Roles.Administrator, Roles.ContactCoordinator, Roles.TeamManager)]
public sealed class WorkerModel(WorkerDirectory directory, SaveWorkerProfile save, ChangeLeave leave) : PageModel
{
    [BindProperty]
    public WorkerInput Input { get; set; } = new();

    [BindProperty]
    public LeaveInput Leave { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public WorkerPage Worker { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];
    public static IReadOnlyList<SelectListItem> Reasons { get; } = WorkerLeave.Reasons.Select(r => new SelectListItem(r, r)).ToList();

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct)
    {
        if (!await LoadAsync(userId, ct))
        {
            return NotFound();
        }
        var p = Worker.Profile;
        Input = new WorkerInput
        {
            AreaId = p?.AreaId?.ToString(),
            Days = AllDays().Select(d => p?.Pattern.FirstOrDefault(h => h.Day == d) is { } h
                ? new DayInput { Day = d, Works = true, From = TimeText.Show(h.From), Until = TimeText.Show(h.Until) }
                : new DayInput { Day = d }).ToList(),
            Languages = p is null ? null : string.Join(", ", p.Languages),
            Driver = p?.IsDriver ?? false,
            TrainedToAssess = Worker.TrainedToAssess,
            MaxHoursPerWeek = p?.MaxHoursPerWeek ?? 37,
            BasePostcode = p?.BasePostcode,
            Version = p?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var pattern = new List<WorkingHours>();
        foreach (var (day, i) in Input.Days.Select((d, i) => (d, i)).Where(x => x.d.Works))
        {
            var from = TimeText.Parse(day.From, $"Days[{i}].From", $"The start on {day.Day}", errors);
            var until = TimeText.Parse(day.Until, $"Days[{i}].Until", $"The finish on {day.Day}", errors);
            if (from is { } f && until is { } u)
            {
                pattern.Add(new WorkingHours(day.Day, f, u));
            }
        }
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "Input.");
            return await AgainAsync(userId, ct);
        }
        var details = new WorkerProfileDetails(Guid.TryParse(Input.AreaId, out var area) ? area : null, pattern, Input.Languages, Input.Driver,
            Input.MaxHoursPerWeek, Input.BasePostcode);
        var outcome = await save.HandleAsync(User.Scope().UserId, User.UserName(), new SaveWorkerCommand(userId, details, Input.TrainedToAssess, Input.Version), ct);
        return await this.AnswerAsync(outcome, _ =>
        {
            Saved = "The profile has been saved.";
            return Redirect($"/Workers/{userId}");
        }, async show => await LoadAsync(userId, ct) ? show() : NotFound(), prefix: "Input.", fields: f => f.ToDictionary(
            e => e.Key.StartsWith("Pattern.", StringComparison.Ordinal) ? $"Days[{AllDays().ToList().IndexOf(Enum.Parse<DayOfWeek>(e.Key[8..]))}].Until" : e.Key,
            e => e.Value), problemStatus: true);
    }

    public async Task<IActionResult> OnPostAddLeaveAsync(string userId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var from = Leave.From.ToDate("From", "The first day", errors);
        var until = Leave.Until.ToDate("Until", "The last day", errors);
        if (!errors.IsValid)
        {
            ModelState.AddAll(errors.ByField, "Leave.");
            return await AgainAsync(userId, ct);
        }
        var outcome = await leave.AddAsync(User.Scope().UserId, User.UserName(), userId, from, until, Leave.Reason, ct);
        return await this.AnswerAsync(outcome, added =>
        {
            Saved = $"Leave from {TimeText.Day(added.From)} to {TimeText.Day(added.Until)} has been added.";
            return Redirect($"/Workers/{userId}#leave");
        }, async show => await LoadAsync(userId, ct) ? show() : NotFound(), prefix: "Leave.", problemStatus: true);
    }

    public async Task<IActionResult> OnPostRemoveLeaveAsync(string userId, Guid leaveId, CancellationToken ct)
    {
        var outcome = await leave.RemoveAsync(User.Scope().UserId, User.UserName(), userId, leaveId, ct);
        return this.Answer(outcome, removed =>
        {
            Saved = $"Leave from {TimeText.Day(removed.From)} to {TimeText.Day(removed.Until)} has been removed.";
            return Redirect($"/Workers/{userId}#leave");
        });
    }

    public static string DayName(DayOfWeek d) => CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(d);

    private static IEnumerable<DayOfWeek> AllDays() => Enum.GetValues<DayOfWeek>().OrderBy(WorkerProfile.DayOrder);

    private async Task<IActionResult> AgainAsync(string userId, CancellationToken ct)
    {
        if (!await LoadAsync(userId, ct))
        {
            return NotFound();
        }
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(string userId, CancellationToken ct)
    {
        var worker = await directory.OneAsync(userId, ct);
        if (worker is null)
        {
            return false;
        }
        Worker = worker;
        Areas = (await directory.AreasAsync(ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        if (Input.Days.Count != 7)
        {
            Input.Days = AllDays().Select(d => Input.Days.FirstOrDefault(x => x.Day == d) ?? new DayInput { Day = d }).ToList();
        }
        return true;
    }
}
