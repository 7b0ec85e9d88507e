using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Records;

/// <summary>
/// What one version of a contact record says: times, who came, what was seen (ticked and in words), positives and
/// concerns, the child's own words, an early ending and why, the debrief, and — kept apart — the worker's analysis.
/// </summary>
public sealed record RecordContent
{
    public const int LongText = 4000;

    public AgeBand AgeBand { get; init; }
    public TimeOnly? ParentArrivedAt { get; init; }
    public TimeOnly? StartedAt { get; init; }
    public TimeOnly? EndedAt { get; init; }
    public string? WhoAttended { get; init; }
    public IReadOnlyList<string> Observations { get; init; } = [];
    public string? Interaction { get; init; }
    public string? Positives { get; init; }
    public string? Concerns { get; init; }
    public string? ChildsWords { get; init; }
    public bool EndedEarly { get; init; }
    public string? EndedEarlyReason { get; init; }
    public string? Debrief { get; init; }

    /// <summary>The worker's analysis: their view, not an observation; never shared with the family as fact.</summary>
    public string? Analysis { get; init; }

    /// <summary>Assessed family time: structured observations for the assessment (attunement, boundaries, safety, warmth).</summary>
    public string? AssessedAttunement { get; init; }
    public string? AssessedBoundaries { get; init; }
    public string? AssessedSafety { get; init; }
    public string? AssessedWarmth { get; init; }

    /// <summary>Minutes the parent arrived after the planned start; null when not recorded, 0 when on time.</summary>
    public int? MinutesLate(TimeOnly plannedStart) => Lateness.Minutes(ParentArrivedAt, plannedStart);

    public ValidationErrors Validate(bool assessed)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(AgeBand))
        {
            errors.Add(nameof(AgeBand), "Choose the recording template for the child's age");
        }
        var known = Enum.IsDefined(AgeBand) ? AgeBands.Vocabulary(AgeBand).Select(v => v.Code).ToHashSet() : [];
        if (Observations.Any(o => !known.Contains(o)))
        {
            errors.Add(nameof(Observations), "Choose observations from the list for the child's age");
        }
        errors.Required(nameof(WhoAttended), WhoAttended, "Say who attended");
        errors.Required(nameof(Interaction), Interaction, "Describe what happened between the child and the family, factually");
        if (StartedAt is null)
        {
            errors.Add(nameof(StartedAt), "Enter the time the session started, like 10:05");
        }
        if (EndedAt is null)
        {
            errors.Add(nameof(EndedAt), "Enter the time the session ended, like 11:30");
        }
        else if (StartedAt is { } s && EndedAt <= s)
        {
            errors.Add(nameof(EndedAt), "The session must end after it started");
        }
        if (EndedEarly && string.IsNullOrWhiteSpace(EndedEarlyReason))
        {
            errors.Add(nameof(EndedEarlyReason), "Say why the session was ended early: what happened and who ended it");
        }
        if (Enum.IsDefined(AgeBand) && !AgeBands.AsksTheChild(AgeBand))
        {
            if (!string.IsNullOrWhiteSpace(ChildsWords))
            {
                errors.Add(nameof(ChildsWords), "The babies' template does not ask what the child said: write what you saw in what happened");
            }
            if (!string.IsNullOrWhiteSpace(Debrief))
            {
                errors.Add(nameof(Debrief), "The babies' template has no debrief with the child: write how the baby was at the end in what happened");
            }
        }
        if (assessed && string.IsNullOrWhiteSpace(AssessedAttunement) && string.IsNullOrWhiteSpace(AssessedBoundaries)
            && string.IsNullOrWhiteSpace(AssessedSafety) && string.IsNullOrWhiteSpace(AssessedWarmth))
        {
            errors.Add(nameof(AssessedAttunement), "Assessed family time needs the structured observations: record at least one");
        }
        foreach (var (name, value) in new[]
        {
            (nameof(WhoAttended), WhoAttended), (nameof(Interaction), Interaction), (nameof(Positives), Positives), (nameof(Concerns), Concerns),
            (nameof(ChildsWords), ChildsWords), (nameof(EndedEarlyReason), EndedEarlyReason), (nameof(Debrief), Debrief), (nameof(Analysis), Analysis),
            (nameof(AssessedAttunement), AssessedAttunement), (nameof(AssessedBoundaries), AssessedBoundaries),
            (nameof(AssessedSafety), AssessedSafety), (nameof(AssessedWarmth), AssessedWarmth),
        })
        {
            errors.MaxLength(name, value, LongText, "This");
        }
        return errors;
    }
}
