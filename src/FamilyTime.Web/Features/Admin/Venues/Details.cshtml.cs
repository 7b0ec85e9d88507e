using FamilyTime.Domain.Access;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>One venue and its rooms (/Admin/Venues/{id}); administrators add rooms here.</summary>
[StaffOnly(Roles.Administrator, Roles.ContactCoordinator)]
public sealed class DetailsModel(VenueDirectory directory, AddRoom handler) : PageModel
{
    [BindProperty]
    public RoomInput Room { get; set; } = new();

    public VenueView Venue { get; private set; } = default!;
    public bool CanManage { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Coordinators may read this page but not add to it; the use case checks again for any other caller.</summary>
    [StaffOnly(Roles.Administrator)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        int? capacity = null;
        Outcome<RoomAdded>? notANumber = null;
        if (!string.IsNullOrWhiteSpace(Room.Capacity))
        {
            if (int.TryParse(Room.Capacity.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c))
            {
                capacity = c;
            }
            else
            {
                notANumber = Outcome<RoomAdded>.Invalid("Capacity", "Capacity must be a whole number of people, like 6");
            }
        }
        var outcome = notANumber ?? await handler.HandleAsync(User.Scope(), User.UserName(), new AddRoomCommand(id, Room.RoomName, capacity), ct);
        // The form again under a 400, beneath the venue read afresh.
        return await this.AnswerAsync(outcome, added =>
        {
            Saved = $"{added.Name} has been added.";
            return Redirect($"/Admin/Venues/{id}#rooms");
        }, again: async show => await LoadAsync(id, ct) ?? show(), prefix: "Room.", problemStatus: true);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var venue = await directory.OneAsync(id, ct);
        if (venue is null)
        {
            return NotFound();
        }
        Venue = venue;
        CanManage = VenueAccess.MayManage(User.Scope());
        return null;
    }
}

public sealed class RoomInput
{
    public string? RoomName { get; set; }

    /// <summary>Text, so "six" gets a plain-words message rather than the framework's.</summary>
    public string? Capacity { get; set; }
}
