using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>
/// Days the venue or one room cannot be used (/Admin/Venues/{id}/Closures): the ones not yet over, and a form to add
/// one ("closed for Christmas week", "Oak Room out of use for repairs"). Closures that have ended are kept, not shown.
/// </summary>
[StaffOnly(Roles.Administrator)]
public sealed class ClosuresModel(VenueDirectory directory, AddClosure add, RemoveClosure remove, TimeProvider clock) : PageModel
{
    /// <summary>The choice for the whole venue (a room's choice is its id).</summary>
    public const string WholeVenue = "venue";

    [BindProperty]
    public ClosureInput Input { get; set; } = new();

    public VenueView Venue { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    public bool Conflict => Response.StatusCode == StatusCodes.Status409Conflict;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new ClosureInput { Version = Venue.Version, What = WholeVenue };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var from = Input.From.ToDate("From", "The first day", errors);
        var until = Input.Until.ToDate("Until", "The last day", errors);
        Guid? room = Guid.TryParse(Input.What, out var r) ? r : null;
        if (Input.What != WholeVenue && room is null)
        {
            errors.Add("What", "Choose whether the whole venue or one room is closed");
        }
        if (!errors.IsValid)
        {
            // Everything wrong is said at once, even when a date is not a real date: the rules' other answers too.
            foreach (var (field, messages) in new ClosureDetails(room, from, until, Input.Reason).Validate(clock.Today()).ByField)
            {
                if (!errors.ByField.ContainsKey(field))
                {
                    errors.Add(field, messages[0]);
                }
            }
        }
        var outcome = errors.IsValid
            ? await add.HandleAsync(User.Scope(), User.UserName(), new AddClosureCommand(id, new ClosureDetails(room, from, until, Input.Reason), Input.Version), ct)
            : Outcome<VenueChanged>.Invalid(errors);
        return await this.AnswerAsync(outcome, saved =>
        {
            TempData["Saved"] = "The closure has been added.";
            return Redirect($"/Admin/Venues/{saved.Id}/Closures");
        }, again: async show => await LoadAsync(id, ct) ? show() : NotFound(), prefix: "Input.",
            fields: f => f.ToDictionary(kv => kv.Key == "RoomId" ? "What" : kv.Key, kv => kv.Value, StringComparer.Ordinal), problemStatus: true);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid closureId, CancellationToken ct)
    {
        var outcome = await remove.HandleAsync(User.Scope(), User.UserName(), new RemoveClosureCommand(id, closureId, Input.Version), ct);
        return await this.AnswerAsync(outcome, saved =>
        {
            TempData["Saved"] = "The closure has been removed.";
            return Redirect($"/Admin/Venues/{saved.Id}/Closures");
        }, again: async show =>
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }
            Input = new ClosureInput { Version = Input.Version, What = WholeVenue };
            return show();
        }, problemStatus: true);
    }

    [TempData]
    public string? Saved { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await directory.OneAsync(id, ct) is not { } venue)
        {
            return false;
        }
        Venue = venue;
        Choices = new[] { new SelectListItem("The whole venue", WholeVenue) }
            .Concat(venue.Rooms.Select(r => new SelectListItem($"{r.Name} only", r.Id.ToString())))
            .ToList();
        return true;
    }
}

public sealed class ClosureInput
{
    public int? Version { get; set; }

    /// <summary>"venue" for the whole venue, or a room's id.</summary>
    public string? What { get; set; }
    public DateParts From { get; set; } = new();
    public DateParts Until { get; set; } = new();
    public string? Reason { get; set; }
}
