using FamilyTime.Domain.Access;
using FamilyTime.Domain.Venues;
using FamilyTime.Web.Access;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>Add a venue (/Admin/Venues/Add) or change one (/Admin/Venues/{id}/Edit).</summary>
[StaffOnly(Roles.Administrator)]
public sealed class VenueModel(SaveVenue handler, VenueDirectory directory) : PageModel
{
    [BindProperty]
    public VenueInput Input { get; set; } = new();

    public Guid? VenueId { get; private set; }
    public string Heading { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    /// <summary>Someone else saved the venue first (the page answers 409): it offers the way back to their version.</summary>
    public bool Conflict => Response.StatusCode == StatusCodes.Status409Conflict;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        if (id is not { } venueId)
        {
            Input = new VenueInput { IsOpen = true };
            return Page();
        }
        var venue = await directory.OneAsync(venueId, ct);
        if (venue is null)
        {
            return NotFound();
        }
        Input = new VenueInput
        {
            Name = venue.Name, Address = venue.Address, Postcode = venue.Postcode, AreaId = venue.AreaId.ToString(),
            Notes = venue.Notes, IsOpen = venue.IsOpen, Version = venue.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await PrepareAsync(id, ct);
        var details = new VenueDetails(Input.Name, Input.Address, Input.Postcode,
            Guid.TryParse(Input.AreaId, out var area) ? area : null, Input.Notes, Input.IsOpen);
        var outcome = await handler.HandleAsync(User.Scope(), User.UserName(), new SaveVenueCommand(id, details, id is null ? null : Input.Version), ct);
        // The form again with its problems, under a status that says the change was not made (409 or 400).
        return this.Answer(outcome, saved =>
        {
            TempData["Saved"] = $"{Input.Name?.Trim()} has been saved.";
            return Redirect($"/Admin/Venues/{saved.Id}");
        }, "Input.", problemStatus: true);
    }

    private async Task PrepareAsync(Guid? id, CancellationToken ct)
    {
        VenueId = id;
        Heading = id is null ? "Add a venue" : "Change a venue’s details";
        Areas = (await directory.AreasAsync(ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
    }
}

public sealed class VenueInput
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? AreaId { get; set; }
    public string? Notes { get; set; }
    public bool IsOpen { get; set; }
    public int Version { get; set; }
}
