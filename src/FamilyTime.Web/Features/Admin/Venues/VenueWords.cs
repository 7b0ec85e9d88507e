using System.Globalization;
using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Features.Admin.Venues;

/// <summary>The words for a room's features, hours and ages, the same on every venue page.</summary>
public static class VenueWords
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Each feature's short name (tables, tags) and its label on the form.</summary>
    public static readonly IReadOnlyList<(RoomFeatures Feature, string Name, string Label)> Features =
    [
        (RoomFeatures.FamilyFriendly, "family-friendly", "Family-friendly: soft furnishings and toys, feels like a home"),
        (RoomFeatures.Formal, "formal", "Formal: suited to supervised or assessed family time"),
        (RoomFeatures.BabyChange, "baby change", "Baby change: somewhere to change a nappy"),
        (RoomFeatures.Kitchen, "kitchen", "Kitchen: families can cook or share a meal"),
        (RoomFeatures.Garden, "garden", "Garden: an outdoor space to play"),
        (RoomFeatures.StepFree, "step-free", "Step-free: no steps from the street to the room"),
        (RoomFeatures.Observation, "observation window", "Observation window or second room, for assessed family time"),
    ];

    public static IReadOnlyList<string> FeatureNames(RoomFeatures features) =>
        Features.Where(f => (features & f.Feature) != 0).Select(f => f.Name).ToList();

    /// <summary>"Up to 4 years", "From 5 to 11 years", "From 12 years", "All ages".</summary>
    public static string Ages(int? from, int? to) => (from, to) switch
    {
        (null or 0, null) => "All ages",
        (null or 0, { } t) => t == 0 ? "Babies under 1" : $"Up to {t} {(t == 1 ? "year" : "years")}",
        ({ } f, null) => $"From {f} years",
        ({ } f, { } t) when f == t => $"{f} years",
        ({ } f, { } t) => $"From {f} to {t} years",
    };

    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", British);

    public static string Dates(DateOnly from, DateOnly until) =>
        from == until ? DayAndDate(from) : $"{DayAndDate(from)} to {DayAndDate(until)}";

    private static string DayAndDate(DateOnly x) => x.ToString("ddd d MMM yyyy", British);

    public static string Day(DayOfWeek day) => British.DateTimeFormat.GetDayName(day);
}
