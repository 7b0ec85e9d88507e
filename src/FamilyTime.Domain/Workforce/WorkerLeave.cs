using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Workforce;

/// <summary>Days a worker is away (annual leave, training, sickness): the rota gives them nothing then. Inclusive dates.</summary>
public sealed class WorkerLeave
{
    /// <summary>The reasons a coordinator chooses from.</summary>
    public static IReadOnlyList<string> Reasons { get; } = ["Annual leave", "Training", "Sickness"];

    /// <summary>The longest one period may be; longer absences are entered again.</summary>
    public const int MaxDays = 366;

    private WorkerLeave() { }

    public WorkerLeave(string userId, DateOnly from, DateOnly until, string reason)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        From = from;
        Until = until;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly Until { get; private set; }
    public string Reason { get; private set; } = "";

    public bool Covers(DateOnly date) => From <= date && date <= Until;

    /// <summary>Still to come or under way on <paramref name="today"/>: what the profile page lists.</summary>
    public bool IsUpcoming(DateOnly today) => Until >= today;

    /// <summary>
    /// A new period of leave, or the problems with it: both dates, the last not before the first, a reason from the
    /// list, not over a year, and not overlapping leave already entered (which would be the same days twice).
    /// </summary>
    public static (WorkerLeave? Leave, ValidationErrors Errors) Create(string userId, DateOnly? from, DateOnly? until, string? reason, IEnumerable<WorkerLeave> existing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new ValidationErrors();
        if (from is null)
        {
            errors.Add("From", "Enter the first day of leave");
        }
        if (until is null)
        {
            errors.Add("Until", "Enter the last day of leave");
        }
        var chosen = Reasons.FirstOrDefault(r => string.Equals(r, reason?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            errors.Add("Reason", "Choose why the worker is away");
        }
        if (from is { } f && until is { } u)
        {
            if (u < f)
            {
                errors.Add("Until", "The last day of leave must be on or after the first");
            }
            else if (u.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                errors.Add("Until", "A period of leave can be at most a year; enter a longer absence in parts");
            }
            else if (existing.FirstOrDefault(l => l.UserId == userId && l.From <= u && f <= l.Until) is { } overlap)
            {
                errors.Add("From", $"This overlaps leave already entered ({overlap.Reason.ToLowerInvariant()}, {overlap.From:d MMMM} to {overlap.Until:d MMMM yyyy})");
            }
        }
        return errors.IsValid ? (new WorkerLeave(userId, from!.Value, until!.Value, chosen!), errors) : (null, errors);
    }
}
