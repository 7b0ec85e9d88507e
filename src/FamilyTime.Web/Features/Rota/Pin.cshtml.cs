using FamilyTime.Domain.Access;
using FamilyTime.Domain.Rota;
using FamilyTime.Scheduling.Model;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Rota;

/// <summary>Pin or change one session of a run's week (/Rota/Runs/{runId}/Sessions/{sessionId}): room, start, worker(s).</summary>
[StaffOnly(Roles.ContactCoordinator)]
public sealed class PinModel(RotaReader reader, PinRotaSession pins) : PageModel
{
    [BindProperty]
    public PinInput Input { get; set; } = new();

    public RotaRun? Run { get; private set; }
    public RotaRunResult? Result { get; private set; }
    public RotaSession? Session { get; private set; }
    public RotaSessionInfo? Info { get; private set; }
    public RotaAssignment? Planned { get; private set; }
    public string? Unplaced { get; private set; }
    public IReadOnlyList<SelectListItem> Rooms { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];
    public string Back { get; private set; } = "/Rota";

    public async Task<IActionResult> OnGetAsync(Guid runId, Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(runId, sessionId, ct))
        {
            return NotFound();
        }
        var pin = await reader.PinAsync(sessionId, ct);
        var at = Planned;
        Input = new PinInput
        {
            RoomId = (pin?.RoomId ?? at?.RoomId)?.ToString(),
            Start = pin?.Start?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? (at is null ? null : RotaOverrideCheck.Clock(at.Start)),
            WorkerIds = (pin?.WorkerIds.Count > 0 ? pin.WorkerIds : at?.WorkerIds ?? []).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid runId, Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(runId, sessionId, ct))
        {
            return NotFound();
        }
        // A room that is not one of the list's (a tampered form) is a mistake to show, not "no room".
        if (!string.IsNullOrWhiteSpace(Input.RoomId) && !Guid.TryParse(Input.RoomId, out _))
        {
            ModelState.AddModelError("Input.RoomId", "Choose a room in this area");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var cmd = new PinCommand(runId, sessionId, Guid.TryParse(Input.RoomId, out var room) ? room : null, Input.Start, Input.WorkerIds ?? []);
        var outcome = await pins.HandleAsync(User.Scope(), cmd, ct);
        return this.Answer(outcome, _ =>
        {
            TempData["Saved"] = $"{Session!.ChildName}’s session is pinned. Plan the week again: the plan keeps what you pinned.";
            return Redirect(Back);
        }, "Input.", problemStatus: true);
    }

    private async Task<bool> LoadAsync(Guid runId, Guid sessionId, CancellationToken ct)
    {
        Run = await reader.RunAsync(runId, ct);
        Result = RotaResultJson.Read(Run?.ResultJson);
        Session = Result?.Session(sessionId);
        Info = Result?.InfoOf(sessionId);
        if (Run is null || Result is null || Session is null)
        {
            return false;
        }
        Planned = Result.Plan?.Assignments.FirstOrDefault(a => a.SessionId == sessionId);
        Unplaced = Result.Plan?.Unplaced.FirstOrDefault(u => u.SessionId == sessionId)?.Reason;
        Back = IndexModel.Link(Run.AreaId, Run.WeekStart);
        Rooms = Result.Rooms.Where(r => (r.Features & Session.RoomNeeds) == Session.RoomNeeds && (Session.FixedVenueId is null || r.VenueId == Session.FixedVenueId))
            .Select(r => new SelectListItem($"{r.Name}, {r.VenueName} (holds {r.Capacity})", r.Id.ToString())).ToList();
        Workers = Result.Workers.Where(w => (w.Skills & Session.SkillsNeeded) == Session.SkillsNeeded && w.Available.Any(a => a.Day == Session.Day))
            .Select(w => new SelectListItem(w.Name, w.Id)).ToList();
        return true;
    }
}

public sealed class PinInput
{
    public string? RoomId { get; set; }
    public string? Start { get; set; }
    public List<string>? WorkerIds { get; set; } = [];
}
