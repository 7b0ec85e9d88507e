using FamilyTime.Domain.Records;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>The words the carer's ratings are given in, so 1 to 5 means the same to everyone who reads them.</summary>
public static class RatingWords
{
    public static IReadOnlyList<(int Value, string Words)> Scale { get; } =
    [
        (1, "Very settled"),
        (2, "Settled"),
        (3, "A little unsettled"),
        (4, "Unsettled"),
        (5, "Very unsettled"),
    ];

    public static string Describe(int rating) => Scale.First(s => s.Value == rating).Words;

    /// <summary>What each area is called on the page: the word the team uses, then what it looks like at home.</summary>
    public static string Area(string area) => area switch
    {
        "Sleep" => "Sleep",
        "Eating" => "Eating",
        "Mood" => "Mood",
        "Regression" => "Regression (acting younger than their age)",
        "Aggression" => "Aggression (anger, hitting out)",
        "Withdrawal" => "Withdrawal (going quiet, keeping away)",
        "School" => "School (or nursery)",
        _ => area,
    };

    public static string Moment(ObservationMoment moment) => moment == ObservationMoment.Before ? "Before the session" : "After the session";

    public static int Rating(CarerObservation o, string area) => area switch
    {
        "Sleep" => o.Sleep,
        "Eating" => o.Eating,
        "Mood" => o.Mood,
        "Regression" => o.Regression,
        "Aggression" => o.Aggression,
        "Withdrawal" => o.Withdrawal,
        "School" => o.School,
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown area"),
    };
}
