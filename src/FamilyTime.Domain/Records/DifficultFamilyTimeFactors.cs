namespace FamilyTime.Domain.Records;

/// <summary>
/// The factors associated with difficult family time (DOMAIN.md, from the practice guidance). Each one is a reason to
/// review frequency, venue, timing and supervision; the serious risks also need a full risk assessment first.
/// </summary>
public enum DifficultFamilyTimeFactor
{
    UnderminesHome = 1,
    InsistsOnBeingMainCarer = 2,
    ChildSeriouslyHarmed = 3,
    NeglectfulAbusiveOrRejecting = 4,
    UnreliableOrPersistentlyLate = 5,
    SubstanceMisuse = 6,
    ThreatensOrCausesConflictWithCarers = 7,
    RiskToCarersOrChild = 8,
}

public static class DifficultFamilyTimeFactors
{
    public static IReadOnlyList<DifficultFamilyTimeFactor> All { get; } = Enum.GetValues<DifficultFamilyTimeFactor>();

    /// <summary>
    /// Threats and the risk of harm or abduction cannot wait for the next review: the guidance asks for a full risk
    /// assessment before the child is seen again.
    /// </summary>
    public static bool IsSeriousRisk(DifficultFamilyTimeFactor factor) =>
        factor is DifficultFamilyTimeFactor.ThreatensOrCausesConflictWithCarers or DifficultFamilyTimeFactor.RiskToCarersOrChild;

    public static string Describe(DifficultFamilyTimeFactor factor) => factor switch
    {
        DifficultFamilyTimeFactor.UnderminesHome => "Undermines the child’s home with their carers",
        DifficultFamilyTimeFactor.InsistsOnBeingMainCarer => "Insists on being the child’s main carer",
        DifficultFamilyTimeFactor.ChildSeriouslyHarmed => "The child was seriously hurt or traumatised, including by domestic abuse",
        DifficultFamilyTimeFactor.NeglectfulAbusiveOrRejecting => "Neglectful, abusive or rejecting during family time",
        DifficultFamilyTimeFactor.UnreliableOrPersistentlyLate => "Often not able to come, or persistently late",
        DifficultFamilyTimeFactor.SubstanceMisuse => "Drug or alcohol misuse",
        DifficultFamilyTimeFactor.ThreatensOrCausesConflictWithCarers => "Uses family time to threaten the carers or cause conflict with them",
        DifficultFamilyTimeFactor.RiskToCarersOrChild => "Risk of harm to the carers or the child, or threats to take the child",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown factor"),
    };
}
