using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Admin.Venues;
using FamilyTime.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>The venue feedback form: staff about any venue, carers and parents about a venue where their family time is.</summary>
[AnyoneSignedIn]
public sealed class VenueModel(FeedbackTargets targets, GiveFeedback give) : PageModel, IFeedbackForm
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public VenueTarget Venue { get; private set; } = default!;
    public bool IsStaff { get; private set; }
    public IEnumerable<SelectListItem> KindOptions => FeedbackWords.Kinds(venueFirst: true, offerVenueConcern: true);
    public string BackLink => VenueAccess.MayRead(User.Scope()) ? $"/Admin/Venues/{Venue.VenueId}" : "/";

    public async Task<IActionResult> OnGetAsync(Guid venueId, CancellationToken ct) => await LoadAsync(venueId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid venueId, CancellationToken ct)
    {
        if (await LoadAsync(venueId, ct) is { } missing)
        {
            return missing;
        }
        var outcome = await give.GiveAsync(User.Actor(), new FeedbackCommand(null, venueId, Input.KindValue, Input.Text, IsStaff && Input.ChildsOwnWords), ct);
        return this.Answer(outcome, given =>
        {
            Saved = FeedbackWords.Thanks(given);
            return Redirect($"/Venues/{venueId}/Feedback");
        }, fields: FeedbackInput.FormErrors, problemStatus: true);
    }

    private async Task<IActionResult?> LoadAsync(Guid venueId, CancellationToken ct)
    {
        var venue = await targets.VenueAsync(User.Scope(), venueId, ct);
        if (venue is null)
        {
            return NotFound();
        }
        Venue = venue;
        IsStaff = User.Scope().IsStaff;
        return null;
    }
}
