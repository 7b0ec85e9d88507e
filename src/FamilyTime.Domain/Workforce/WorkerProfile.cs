namespace FamilyTime.Domain.Workforce;

/// <summary>
/// What the rota needs to know about a member of staff who supervises family time: when they work, what they can
/// do, the languages they speak and where they start from. One per user (keyed by the Identity user id).
/// </summary>
public sealed class WorkerProfile
{
    private WorkerProfile() { }

    public WorkerProfile(string userId)
    {
        UserId = userId;
    }

    public string UserId { get; private set; } = "";

    /// <summary>The area whose rota the worker is on.</summary>
    public Guid? AreaId { get; private set; }

    /// <summary>The weekly working pattern, as opening-hours-like stretches per weekday.</summary>
    public List<WorkingHours> Pattern { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public WorkerSkills Skills { get; private set; }

    /// <summary>The postcode of the office the worker starts from (its district is what travel times use).</summary>
    public string? BasePostcode { get; private set; }
    public int MaxHoursPerWeek { get; private set; } = 37;
    public int Version { get; set; }
}

/// <summary>A stretch of one weekday a worker works.</summary>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly From, TimeOnly Until);
