using System.Globalization;
using FamilyTime.Domain.Access;
using FamilyTime.Domain.Common;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>One room's name, capacity, features and the ages it suits (/Admin/Venues/{id}/Rooms/{roomId}).</summary>
[StaffOnly(Roles.Administrator)]
public sealed class RoomModel(VenueDirectory directory, ChangeRoom handler) : PageModel
{
    [BindProperty]
    public RoomEditInput Input { get; set; } = new();

    public VenueView Venue { get; private set; } = default!;
    public RoomView Room { get; private set; } = default!;

    public static IReadOnlyList<SelectListItem> FeatureChoices { get; } =
        VenueWords.Features.Select(f => new SelectListItem(f.Label, f.Feature.ToString())).ToList();

    public bool Conflict => Response.StatusCode == StatusCodes.Status409Conflict;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        if (!await LoadAsync(id, roomId, ct))
        {
            return NotFound();
        }
        Input = new RoomEditInput
        {
            Version = Venue.Version,
            RoomName = Room.Name,
            Capacity = Room.Capacity?.ToString(CultureInfo.InvariantCulture),
            Features = VenueWords.Features.Where(f => (Room.Features & f.Feature) != 0).Select(f => f.Feature.ToString()).ToList(),
            SuitsFromAge = Room.SuitsFromAge?.ToString(CultureInfo.InvariantCulture),
            SuitsToAge = Room.SuitsToAge?.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var capacity = Number(Input.Capacity, "Capacity", "Capacity must be a whole number of people, like 6", errors);
        var from = Number(Input.SuitsFromAge, "SuitsFromAge", "The youngest age must be a whole number of years, like 0", errors);
        var to = Number(Input.SuitsToAge, "SuitsToAge", "The oldest age must be a whole number of years, like 4", errors);
        var features = RoomFeatures.None;
        foreach (var name in Input.Features)
        {
            if (Enum.TryParse<RoomFeatures>(name, out var f) && VenueWords.Features.Any(x => x.Feature == f))
            {
                features |= f;
            }
            else
            {
                errors.Add("Features", "Choose only the features listed");
            }
        }
        var outcome = errors.IsValid
            ? await handler.HandleAsync(User.Scope(), User.UserName(), new ChangeRoomCommand(id, roomId, new RoomDetails(Input.RoomName, capacity, features, from, to), Input.Version), ct)
            : Outcome<VenueChanged>.Invalid(errors);
        return await this.AnswerAsync(outcome, saved =>
        {
            TempData["Saved"] = $"{Input.RoomName?.Trim()} has been saved.";
            return Redirect($"/Admin/Venues/{saved.Id}#rooms");
        }, again: async show => await LoadAsync(id, roomId, ct) ? show() : NotFound(), prefix: "Input.", problemStatus: true);
    }

    private static int? Number(string? text, string field, string message, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        errors.Add(field, message);
        return null;
    }

    private async Task<bool> LoadAsync(Guid id, Guid roomId, CancellationToken ct)
    {
        if (await directory.OneAsync(id, ct) is not { } venue || venue.Room(roomId) is not { } room)
        {
            return false;
        }
        (Venue, Room) = (venue, room);
        return true;
    }
}

/// <summary>What was typed, kept as text so "six" gets a plain-words message rather than the framework's.</summary>
public sealed class RoomEditInput
{
    public int? Version { get; set; }
    public string? RoomName { get; set; }
    public string? Capacity { get; set; }
    public List<string> Features { get; set; } = [];
    public string? SuitsFromAge { get; set; }
    public string? SuitsToAge { get; set; }
}
