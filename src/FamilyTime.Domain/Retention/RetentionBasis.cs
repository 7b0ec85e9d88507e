namespace FamilyTime.Domain.Retention;

/// <summary>Which part of the rule gave a case record's disposal date, or why it gave none.</summary>
public enum RetentionBasis
{
    /// <summary>Kept until the child's 75th birthday (reg. 50(1)(a)).</summary>
    SeventyFifthBirthday,

    /// <summary>The child died before 18: kept for 15 years beginning with the date of death (reg. 50(1)(b)).</summary>
    FifteenYearsAfterDeath,

    /// <summary>No date can be worked out (no date of birth, or dates that cannot both be right): a person must review the record.</summary>
    NeedsReview,
}
