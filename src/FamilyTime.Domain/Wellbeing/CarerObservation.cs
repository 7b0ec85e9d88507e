using FamilyTime.Domain.Common;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;

namespace FamilyTime.Domain.Wellbeing;

public enum ObservationMoment
{
    Before = 1,
    After = 2,
}

/// <summary>
/// How the child was before or after a session, seen by their carer: quick ratings (1 = very settled … 5 = very
/// unsettled) and words. Shown as a trend, per person the child sees, so a team can see when family time harms.
/// </summary>
public sealed class CarerObservation
{
    public static readonly IReadOnlyList<string> Areas = ["Sleep", "Eating", "Mood", "Regression", "Aggression", "Withdrawal", "School"];

    private CarerObservation() { }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ChildId { get; private set; }
    public ObservationMoment Moment { get; private set; }
    public int Sleep { get; private set; }
    public int Eating { get; private set; }
    public int Mood { get; private set; }
    public int Regression { get; private set; }
    public int Aggression { get; private set; }
    public int Withdrawal { get; private set; }
    public int School { get; private set; }
    public string? Words { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string RecordedById { get; private set; } = "";

    /// <summary>The worst of the ratings: one very bad night matters even when the rest is calm.</summary>
    public int Highest => new[] { Sleep, Eating, Mood, Regression, Aggression, Withdrawal, School }.Max();

    /// <summary>Distressed: any area rated 4 (unsettled) or 5 (very unsettled).</summary>
    public bool ShowsDistress => Highest >= 4;

    /// <summary>
    /// Before and after are about time the child spent with their family: a session that did not take place has
    /// neither, and a rating against it would put a cancellation into the trend as if it had happened. Null when the
    /// session was held (took place, or ended early); otherwise why it cannot be recorded, in words for the carer.
    /// </summary>
    public static string? NotHeldRefusal(SessionStatus status) =>
        FamilyTimeSession.IsHeld(status) ? null : status switch
        {
            SessionStatus.Planned => "This family time has not been recorded as taking place yet. You can record before and after once it has: if it has happened, the contact worker or social worker will mark it soon",
            _ => "This family time did not take place, so there is no before and after to record. If something about how the child has been is on your mind, you can tell their social worker",
        };

    public static (CarerObservation? Observation, ValidationErrors Errors) Record(
        Guid sessionId, Guid childId, SessionStatus sessionStatus, ObservationMoment moment, IReadOnlyDictionary<string, int?> ratings, string? words, string byUserId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var errors = new ValidationErrors();
        if (NotHeldRefusal(sessionStatus) is { } notHeld)
        {
            return (null, errors.Add("Session", notHeld));
        }
        if (!Enum.IsDefined(moment))
        {
            errors.Add(nameof(Moment), "Choose before or after the session");
        }
        foreach (var area in Areas)
        {
            if (!ratings.TryGetValue(area, out var r) || r is null)
            {
                errors.Add(area, $"Rate {area.ToLowerInvariant()} from 1 (very settled) to 5 (very unsettled)");
            }
            else if (r is < 1 or > 5)
            {
                errors.Add(area, $"{area} must be rated from 1 to 5");
            }
        }
        errors.MaxLength(nameof(Words), words, 2000, "What you noticed");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new CarerObservation
        {
            Id = Guid.NewGuid(), SessionId = sessionId, ChildId = childId, Moment = moment,
            Sleep = ratings["Sleep"]!.Value, Eating = ratings["Eating"]!.Value, Mood = ratings["Mood"]!.Value,
            Regression = ratings["Regression"]!.Value, Aggression = ratings["Aggression"]!.Value,
            Withdrawal = ratings["Withdrawal"]!.Value, School = ratings["School"]!.Value,
            Words = string.IsNullOrWhiteSpace(words) ? null : words.Trim(), RecordedAt = at, RecordedById = byUserId,
        }, errors);
    }
}
