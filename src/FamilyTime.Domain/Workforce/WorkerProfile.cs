using System.Globalization;
using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Workforce;

/// <summary>
/// What the rota needs to know about a member of staff who supervises family time: when they work, what they can
/// do, the languages they speak and where they start from. One per user (keyed by the Identity user id).
/// "Trained for assessed family time" is not here: it stays <c>ApplicationUser.TrainedToAssess</c>, the one source
/// the existing rules read; whoever builds rota input ORs it into <see cref="Skills"/> as <see cref="WorkerSkills.Assessed"/>.
/// </summary>
public sealed class WorkerProfile : IVersioned
{
    public const int MaxLanguages = 10;

    private WorkerProfile() { }

    public WorkerProfile(string userId)
    {
        UserId = userId;
    }

    public string UserId { get; private set; } = "";

    /// <summary>The area whose rota the worker is on.</summary>
    public Guid? AreaId { get; private set; }

    /// <summary>The weekly working pattern: at most one stretch per weekday; a day not listed is a day off.</summary>
    public List<WorkingHours> Pattern { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public WorkerSkills Skills { get; private set; }

    /// <summary>The postcode of the office the worker starts from (its district is what travel times use).</summary>
    public string? BasePostcode { get; private set; }
    public int MaxHoursPerWeek { get; private set; } = 37;
    public int Version { get; set; }

    public bool IsDriver => Skills.HasFlag(WorkerSkills.Driver);

    /// <summary>A new profile from the form's input, or the problems with it.</summary>
    public static (WorkerProfile? Profile, ValidationErrors Errors) Create(string userId, WorkerProfileDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var profile = new WorkerProfile(userId);
        var errors = profile.Update(details);
        return (errors.IsValid ? profile : null, errors);
    }

    /// <summary>Replaces the profile with the input when it is valid; answers every problem at once.</summary>
    public ValidationErrors Update(WorkerProfileDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (!errors.IsValid)
        {
            return errors;
        }
        AreaId = details.AreaId;
        Pattern = details.Pattern.OrderBy(h => DayOrder(h.Day)).ToList();
        Languages = details.CleanLanguages();
        // Assessed is not kept here (ApplicationUser.TrainedToAssess is its one source); only the skills this profile owns.
        Skills = details.Driver ? WorkerSkills.Driver : WorkerSkills.None;
        BasePostcode = Text.Clean(details.BasePostcode)?.ToUpperInvariant();
        MaxHoursPerWeek = details.MaxHoursPerWeek!.Value;
        return errors;
    }

    /// <summary>The profile as input again, to fill the edit form.</summary>
    public WorkerProfileDetails ToDetails() => new(AreaId, Pattern.ToList(), string.Join(", ", Languages), IsDriver, MaxHoursPerWeek, BasePostcode);

    /// <summary>
    /// The stretches of <paramref name="date"/> the worker can be booked: their pattern for that weekday, or nothing
    /// on a day off or a day of leave. The rota builder and the booking checks call this; bookings already made are
    /// not taken off here (the conflict checks and the rota's one-place-at-a-time rule see those).
    /// </summary>
    public IReadOnlyList<TimeWindow> AvailableWindows(DateOnly date, IEnumerable<WorkerLeave> leave)
    {
        ArgumentNullException.ThrowIfNull(leave);
        if (leave.Any(l => l.UserId == UserId && l.Covers(date)))
        {
            return [];
        }
        return Pattern.Where(h => h.Day == date.DayOfWeek && h.From < h.Until).OrderBy(h => h.From)
            .Select(h => new TimeWindow(h.From, h.Until)).ToList();
    }

    /// <summary>True when one of the day's available windows holds the whole of [start, end).</summary>
    public bool IsAvailable(DateOnly date, TimeOnly start, TimeOnly end, IEnumerable<WorkerLeave> leave) =>
        AvailableWindows(date, leave).Any(w => w.Holds(start, end));

    public bool Speaks(string? language) =>
        !string.IsNullOrWhiteSpace(language) && Languages.Any(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"Mon to Fri 09:00–17:00; Sat 10:00–14:00": the pattern in a line, days with the same hours run together.</summary>
    public string PatternSummary()
    {
        if (Pattern.Count == 0)
        {
            return "No working days set";
        }
        var parts = new List<string>();
        var ordered = Pattern.OrderBy(h => DayOrder(h.Day)).ToList();
        var i = 0;
        while (i < ordered.Count)
        {
            var j = i;
            while (j + 1 < ordered.Count && DayOrder(ordered[j + 1].Day) == DayOrder(ordered[j].Day) + 1
                   && ordered[j + 1].From == ordered[i].From && ordered[j + 1].Until == ordered[i].Until)
            {
                j++;
            }
            var days = i == j ? Short(ordered[i].Day) : $"{Short(ordered[i].Day)} to {Short(ordered[j].Day)}";
            parts.Add($"{days} {Clock(ordered[i].From)}–{Clock(ordered[i].Until)}");
            i = j + 1;
        }
        return string.Join("; ", parts);
    }

    /// <summary>Monday first, as a working week reads.</summary>
    public static int DayOrder(DayOfWeek day) => ((int)day + 6) % 7;

    private static string Short(DayOfWeek day) => CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetAbbreviatedDayName(day);

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A stretch of one weekday a worker works.</summary>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly From, TimeOnly Until);

/// <summary>Input describing a worker's profile. Languages are typed as a comma-separated list.</summary>
public sealed record WorkerProfileDetails(Guid? AreaId, IReadOnlyList<WorkingHours> Pattern, string? Languages, bool Driver, int? MaxHoursPerWeek, string? BasePostcode)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (AreaId is null || AreaId == Guid.Empty)
        {
            errors.Add(nameof(AreaId), "Choose the area whose rota the worker is on");
        }
        foreach (var day in Pattern.GroupBy(h => h.Day))
        {
            if (day.Count() > 1)
            {
                errors.Add($"Pattern.{day.Key}", $"Give one stretch of working hours for {day.Key}");
            }
            else if (day.Single().From >= day.Single().Until)
            {
                errors.Add($"Pattern.{day.Key}", $"On {day.Key} the finishing time must be after the starting time");
            }
        }
        var languages = CleanLanguages();
        if (languages.Count > WorkerProfile.MaxLanguages)
        {
            errors.Add(nameof(Languages), $"List at most {WorkerProfile.MaxLanguages} languages");
        }
        if (languages.Any(l => l.Length > 50))
        {
            errors.Add(nameof(Languages), "Each language must be 50 characters or fewer");
        }
        if (MaxHoursPerWeek is not (>= 1 and <= 60))
        {
            errors.Add(nameof(MaxHoursPerWeek), "Enter the most hours a week the worker can be booked, from 1 to 60");
        }
        if (!string.IsNullOrWhiteSpace(BasePostcode) && (BasePostcode.Trim().Length > 10 || TravelEstimate.District(BasePostcode) is null))
        {
            errors.Add(nameof(BasePostcode), "Enter the office postcode, like LS1 4AP");
        }
        return errors;
    }

    /// <summary>The languages typed, trimmed, each once (ignoring case), in the order given.</summary>
    public List<string> CleanLanguages() =>
        (Languages ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .DistinctBy(l => l.ToUpperInvariant()).ToList();
}
