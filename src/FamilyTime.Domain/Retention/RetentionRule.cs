namespace FamilyTime.Domain.Retention;

/// <summary>
/// How long a looked-after child's case record must be kept. The Care Planning, Placement and Case Review (England)
/// Regulations 2010 (SI 2010/959), regulation 50(1): the responsible authority retains the case record (a) until the
/// 75th anniversary of the child's birth or (b), if the child dies before attaining 18, for 15 years beginning with
/// the date of death. The same periods were in the Arrangement for Placement of Children (General) Regulations 1991,
/// reg. 9, and local retention schedules apply them to children's homes' records of a child (Children's Homes
/// Regulations). The shared seeds (../shared/seeds) do not state the rule; this is the regulation's.
/// The two limbs never compete: (b) replaces (a) exactly when the child died before 18.
/// </summary>
public static class RetentionRule
{
    public const int YearsFromBirth = 75;
    public const int YearsFromDeath = 15;
    public const int AdultAge = 18;

    /// <summary>
    /// The disposal date of a child's case record: their 75th birthday, or, for a child who died before 18, the 15th
    /// anniversary of the death (a period of 15 years "beginning with" the date of death ends the day before it, so
    /// the record may go on the anniversary). Without a date of birth, or with a death before the birth, there is no
    /// date and the record is flagged for a person to review.
    /// </summary>
    public static DisposalDate For(DateOnly? dateOfBirth, DateOnly? dateOfDeath)
    {
        if (dateOfBirth is not { } born || (dateOfDeath is { } d && d < born))
        {
            return new DisposalDate(null, RetentionBasis.NeedsReview);
        }
        if (dateOfDeath is { } died && died < Anniversary(born, AdultAge))
        {
            return new DisposalDate(Anniversary(died, YearsFromDeath), RetentionBasis.FifteenYearsAfterDeath);
        }
        // Alive, or died on or after their 18th birthday (a person attains an age at the start of that birthday,
        // Family Law Reform Act 1969 s. 9): the 75th birthday rule.
        return new DisposalDate(Anniversary(born, YearsFromBirth), RetentionBasis.SeventyFifthBirthday);
    }

    /// <summary>
    /// The day <paramref name="years"/> after <paramref name="day"/>. 29 February falls on 1 March in a year without
    /// it (as <c>Child.AgeOn</c> counts birthdays): the later of the two possible days, so a record is never
    /// offered for disposal a day before the rule allows.
    /// </summary>
    public static DateOnly Anniversary(DateOnly day, int years)
    {
        var year = day.Year + years;
        return day is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : day.AddYears(years);
    }
}
