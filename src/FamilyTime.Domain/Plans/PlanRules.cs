using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;

namespace FamilyTime.Domain.Plans;

/// <summary>
/// The legal rules of family-time planning (DOMAIN.md "Legal status drives the rules"), each refusal said in
/// plain words with what to do instead.
/// </summary>
public static class PlanRules
{
    /// <summary>Under an SGO or CAO, or after leaving care, the authority does not arrange family time at all.</summary>
    public static string? ArrangingRefused(PlanContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.LegalStatus switch
        {
            LegalStatus.SpecialGuardianshipOrder =>
                $"{c.ChildName} lives under a special guardianship order: the special guardian arranges family time, not the authority. Nothing can be arranged here.",
            LegalStatus.ChildArrangementsOrder =>
                $"{c.ChildName} lives under a child arrangements order: family time follows the order and is not arranged by the authority. Nothing can be arranged here.",
            LegalStatus.LeftCare =>
                $"{c.ChildName} has left care, so the authority no longer arranges their family time.",
            _ when !LegalStatusRules.IsKnown(c.LegalStatus) =>
                $"{c.ChildName}'s legal status is not recorded in a way the plan understands. Correct the legal status first.",
            _ => null,
        };
    }

    /// <summary>
    /// Section 20: the parents keep full parental responsibility, so family time is not supervised or assessed
    /// unless a head of service has recorded an exception (guidance sections 6 and 7).
    /// </summary>
    public static string? SupervisionRefused(PlanContext c, ArrangementType type)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!PlanWords.IsSupervisedOrAssessed(type) || LegalStatusRules.SupervisionAllowed(c.LegalStatus, c.HasSupervisionException))
        {
            return null;
        }
        return $"{c.ChildName} is accommodated under section 20: the parents keep full parental responsibility, so family time is not {type.ToString().ToLowerInvariant()}. " +
               "Choose facilitated or unsupervised, or ask a head of service to record an exception with the reasons first.";
    }

    /// <summary>
    /// While care proceedings run, the family court agrees any change to agreed family time, so the change must
    /// carry the date of the court's agreement and the order or direction.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> ChangeRefused(PlanContext c, PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            yield return (nameof(PlanChange.Reason), "Say why the agreed family time is changing: the reason is kept with the plan's new version");
        }
        else if (change.Reason.Trim().Length > ArrangementDetails.LongText)
        {
            yield return (nameof(PlanChange.Reason), $"The reason must be {ArrangementDetails.LongText} characters or fewer");
        }
        if (!LegalStatusRules.ChangeNeedsCourtAgreement(c.InCareProceedings))
        {
            yield break;
        }
        if (change.CourtAgreedOn is not { } on)
        {
            yield return (nameof(PlanChange.CourtAgreedOn),
                $"{c.ChildName} is in care proceedings, so the family court must agree this change first. Enter the date the court agreed it.");
        }
        else if (on > c.Today)
        {
            yield return (nameof(PlanChange.CourtAgreedOn), "The date the court agreed the change must be today or earlier");
        }
        if (string.IsNullOrWhiteSpace(change.CourtReference))
        {
            yield return (nameof(PlanChange.CourtReference),
                "Enter the court order or direction that agreed the change, like 'Order of HHJ Patel, 3 March 2027, para 4'");
        }
        else if (change.CourtReference.Trim().Length > 300)
        {
            yield return (nameof(PlanChange.CourtReference), "The court order or direction must be 300 characters or fewer");
        }
    }

    /// <summary>Parents and brothers and sisters are always considered (guidance section 4).</summary>
    public static bool MustBeConsidered(Relationship r) => RelationshipRules.IsParent(r) || RelationshipRules.IsBrotherOrSister(r);
}

/// <summary>Why agreed family time changes, and, during care proceedings, the court's agreement.</summary>
public sealed record PlanChange(string? Reason, DateOnly? CourtAgreedOn, string? CourtReference);
