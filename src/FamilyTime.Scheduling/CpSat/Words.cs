using System.Globalization;
using FamilyTime.Domain.Venues;
using FamilyTime.Domain.Workforce;

namespace FamilyTime.Scheduling.CpSat;

/// <summary>The coordinator's words for days, times, room features and skills, so every reason reads the same.</summary>
internal static class Words
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static string Day(int day) => day >= 0 && day < DayNames.Length ? DayNames[day] : $"day {day}";

    public static string Time(int minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");

    /// <summary>"on Thursday between 15:30 and 18:00": the stretch in which the session could take place.</summary>
    public static string When(int day, int from, int until) => $"on {Day(day)} between {Time(from)} and {Time(until)}";

    public static string When(Model.RotaSession s) => When(s.Day, s.EarliestStart, s.LatestStart + s.Duration);

    /// <summary>"an observation window and baby change".</summary>
    public static string Features(RoomFeatures features)
    {
        var words = new List<string>();
        if (features.HasFlag(RoomFeatures.FamilyFriendly)) words.Add("a family-friendly setting");
        if (features.HasFlag(RoomFeatures.Formal)) words.Add("a formal setting");
        if (features.HasFlag(RoomFeatures.BabyChange)) words.Add("baby change");
        if (features.HasFlag(RoomFeatures.Kitchen)) words.Add("a kitchen");
        if (features.HasFlag(RoomFeatures.Garden)) words.Add("a garden");
        if (features.HasFlag(RoomFeatures.StepFree)) words.Add("step-free access");
        if (features.HasFlag(RoomFeatures.Observation)) words.Add("an observation window");
        return List(words);
    }

    /// <summary>"trained for assessed family time and a driver".</summary>
    public static string Skills(WorkerSkills skills)
    {
        var words = new List<string>();
        if (skills.HasFlag(WorkerSkills.Assessed)) words.Add("trained for assessed family time");
        if (skills.HasFlag(WorkerSkills.Driver)) words.Add("a driver");
        return List(words);
    }

    public static string List(IReadOnlyList<string> words) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
    };

    public static string Count(int n) => n switch
    {
        1 => "one", 2 => "two", 3 => "three", 4 => "four",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
