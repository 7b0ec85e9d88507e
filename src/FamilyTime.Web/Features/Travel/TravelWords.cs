using FamilyTime.Domain.Travel;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Travel;

/// <summary>The words for travel claims on the page.</summary>
public static class TravelWords
{
    public static string Mode(TravelMode mode) => mode switch
    {
        TravelMode.Bus => "Bus",
        TravelMode.Train => "Train",
        TravelMode.Tram => "Tram",
        TravelMode.Taxi => "Taxi",
        TravelMode.CarMileage => "Car (mileage)",
        TravelMode.Other => "Another way",
        _ => mode.ToString(),
    };

    public static IEnumerable<SelectListItem> Modes() =>
        Enum.GetValues<TravelMode>().Select(m => new SelectListItem(Mode(m), m.ToString()));

    public static string State(TravelClaimState state, bool paid) => state switch
    {
        TravelClaimState.Waiting => "Waiting for a decision",
        TravelClaimState.Approved when paid => "Approved and sent for payment",
        TravelClaimState.Approved => "Approved",
        TravelClaimState.Refused => "Not approved",
        _ => state.ToString(),
    };

    public static string TagClass(TravelClaimState state) => state switch
    {
        TravelClaimState.Approved => "govuk-tag govuk-tag--green",
        TravelClaimState.Refused => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--blue",
    };

    /// <summary>Text, so a tampered value gets the plain-words "choose how you travelled" rather than the framework's.</summary>
    public static TravelMode? ParseMode(string? value) =>
        Enum.TryParse<TravelMode>(value, ignoreCase: true, out var m) && Enum.IsDefined(m) && !int.TryParse(value, out _) ? m : null;
}
