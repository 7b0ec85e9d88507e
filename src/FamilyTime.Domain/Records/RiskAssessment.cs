using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Records;

/// <summary>What a full risk assessment concluded about family time going ahead.</summary>
public enum RiskAssessmentOutcome
{
    GoAhead = 1,
    GoAheadWithChanges = 2,
    NotSafeToGoAhead = 3,
}

/// <summary>How the gate was opened: by a full risk assessment, or by a team manager's override with a reason.</summary>
public enum RiskClearanceKind
{
    Assessment = 1,
    ManagerOverride = 2,
}

/// <summary>
/// A full risk assessment of one arrangement (who carried it out, when, what it concluded), or a team manager's
/// override of the need for one, with the reason. Either covers the serious risk factors ticked on the arrangement
/// when it was recorded; a factor ticked later needs a new one. Never changed once recorded.
/// </summary>
public sealed class RiskAssessment
{
    public const int TextLength = 2000;
    public const int NameLength = 150;

    private RiskAssessment() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public RiskClearanceKind Kind { get; private set; }

    /// <summary>The serious factors this covers, as the arrangement's factor bits.</summary>
    public int FactorsMask { get; private set; }

    /// <summary>Who carried out the assessment (may be someone outside the service); for an override, the manager.</summary>
    public string AssessedBy { get; private set; } = "";
    public DateOnly AssessedOn { get; private set; }
    public RiskAssessmentOutcome? Outcome { get; private set; }

    /// <summary>What the assessment found and what must happen; for an override, why the session may go ahead without one.</summary>
    public string Summary { get; private set; } = "";
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public IReadOnlySet<DifficultFamilyTimeFactor> Covers =>
        DifficultFamilyTimeFactors.All.Where(f => (FactorsMask & (1 << (int)f)) != 0).ToHashSet();

    /// <summary>Whether family time may be held on this: a "not safe" outcome keeps the gate shut.</summary>
    public bool Clears => Kind == RiskClearanceKind.ManagerOverride || Outcome is RiskAssessmentOutcome.GoAhead or RiskAssessmentOutcome.GoAheadWithChanges;

    public static (RiskAssessment? Assessment, ValidationErrors Errors) Record(
        Guid childId, Guid arrangementId, IReadOnlySet<DifficultFamilyTimeFactor> factors, string? assessedBy, DateOnly? assessedOn,
        RiskAssessmentOutcome? outcome, string? summary, DateOnly today, Signature by)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        errors.Required(nameof(AssessedBy), assessedBy, "Say who carried out the risk assessment");
        errors.MaxLength(nameof(AssessedBy), assessedBy, NameLength, "Who carried it out");
        if (assessedOn is not { } on)
        {
            errors.Add(nameof(AssessedOn), "Enter the date of the risk assessment");
        }
        else if (on > today)
        {
            errors.Add(nameof(AssessedOn), "The risk assessment must be today or in the past");
        }
        if (outcome is not { } o || !Enum.IsDefined(o))
        {
            errors.Add(nameof(Outcome), "Choose what the risk assessment concluded");
        }
        errors.Required(nameof(Summary), summary, "Say what the assessment found and what must happen at family time");
        errors.MaxLength(nameof(Summary), summary, TextLength, "What it found");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (New(childId, arrangementId, RiskClearanceKind.Assessment, factors, assessedBy!.Trim(), assessedOn!.Value, outcome, summary!, by), errors);
    }

    /// <summary>A team manager lets family time go ahead without a full assessment; the reason is for the child's file.</summary>
    public static (RiskAssessment? Assessment, ValidationErrors Errors) Override(
        Guid childId, Guid arrangementId, IReadOnlySet<DifficultFamilyTimeFactor> factors, string? reason, DateOnly today, Signature by)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        errors.Required("OverrideReason", reason, "Say why family time can go ahead before a full risk assessment");
        errors.MaxLength("OverrideReason", reason, TextLength, "The reason");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (New(childId, arrangementId, RiskClearanceKind.ManagerOverride, factors, by.Name, today, null, reason!, by), errors);
    }

    private static RiskAssessment New(Guid childId, Guid arrangementId, RiskClearanceKind kind, IReadOnlySet<DifficultFamilyTimeFactor> factors,
        string assessedBy, DateOnly on, RiskAssessmentOutcome? outcome, string summary, Signature by) => new()
    {
        Id = Guid.NewGuid(), ChildId = childId, ArrangementId = arrangementId, Kind = kind,
        FactorsMask = factors.Where(DifficultFamilyTimeFactors.IsSeriousRisk).Aggregate(0, (m, f) => m | (1 << (int)f)),
        AssessedBy = assessedBy, AssessedOn = on, Outcome = outcome, Summary = summary.Trim(),
        RecordedById = by.UserId, RecordedByName = by.Name, RecordedAt = by.At,
    };
}

/// <summary>
/// The gate (DOMAIN.md: serious risks need a full risk assessment): when threats or a risk of harm are ticked on an
/// arrangement, none of its sessions can be marked held until a risk assessment that clears it covers every such
/// factor, or a team manager has overridden the need with a reason. A prompt would be passed by; a gate is not.
/// </summary>
public static class RiskGate
{
    /// <summary>The serious factors ticked on the arrangement that no clearing assessment or override covers yet.</summary>
    public static IReadOnlyList<DifficultFamilyTimeFactor> Uncovered(IEnumerable<DifficultFamilyTimeFactor> factors, IEnumerable<RiskAssessment> recorded)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(recorded);
        var clearing = recorded.Where(r => r.Clears).ToList();
        return factors.Where(DifficultFamilyTimeFactors.IsSeriousRisk).Distinct().Order()
            .Where(f => !clearing.Any(r => r.Covers.Contains(f))).ToList();
    }

    /// <summary>Why the session cannot be marked held, or null when it can.</summary>
    public static string? Refusal(IEnumerable<DifficultFamilyTimeFactor> factors, IEnumerable<RiskAssessment> recorded)
    {
        var open = Uncovered(factors, recorded);
        return open.Count == 0 ? null
            : "A full risk assessment is needed before this session can be marked as held: "
              + string.Join("; ", open.Select(DifficultFamilyTimeFactors.Describe))
              + ". Record the risk assessment, or ask a team manager to override it with a reason.";
    }
}
