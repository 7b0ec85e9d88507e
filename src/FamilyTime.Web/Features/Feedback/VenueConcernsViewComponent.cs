using Microsoft.AspNetCore.Mvc;

namespace FamilyTime.Web.Features.Feedback;

/// <summary>The venue's standards concerns, for the venue's page, with a link to the feedback form.</summary>
public sealed record VenueConcernsView(Guid VenueId, IReadOnlyList<VenueConcernItem> Concerns);

/// <summary>A component so the venue page takes one line to show the concerns (others edit that page too).</summary>
public sealed class VenueConcernsViewComponent(FeedbackInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid venueId) =>
        View("/Features/Feedback/_VenueConcerns.cshtml", new VenueConcernsView(venueId, await inbox.ConcernsAboutAsync(venueId, HttpContext.RequestAborted)));
}
