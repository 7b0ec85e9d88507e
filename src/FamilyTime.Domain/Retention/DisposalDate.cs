namespace FamilyTime.Domain.Retention;

/// <summary>
/// When a child's case record no longer has to be kept: <see cref="Date"/> is the first day it may be disposed of
/// (after a person has reviewed it: nothing is deleted by the service), with the rule that gave it. No date means
/// the record needs a person to look at it (<see cref="RetentionBasis.NeedsReview"/>), and it is kept meanwhile.
/// </summary>
public sealed record DisposalDate(DateOnly? Date, RetentionBasis Basis)
{
    public bool NeedsReview => Basis == RetentionBasis.NeedsReview;

    /// <summary>The rule in words, for the review list.</summary>
    public string Rule => Basis switch
    {
        RetentionBasis.SeventyFifthBirthday => "Kept until the child’s 75th birthday",
        RetentionBasis.FifteenYearsAfterDeath => "The child died before 18: kept for 15 years from the date of death",
        _ => "No disposal date can be worked out: check the date of birth and date of death",
    };
}
