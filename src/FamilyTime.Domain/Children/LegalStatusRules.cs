namespace FamilyTime.Domain.Children;

/// <summary>
/// What a child's legal status means for family time (DOMAIN.md "Legal status drives the rules";
/// contact practice guidance sections 2, 6 and 11).
/// </summary>
public static class LegalStatusRules
{
    public static string Describe(LegalStatus status) => status switch
    {
        LegalStatus.InterimCareOrder => "Interim care order",
        LegalStatus.CareOrder => "Care order",
        LegalStatus.Section20 => "Accommodated under section 20",
        LegalStatus.PlacementOrder => "Placement order",
        LegalStatus.SpecialGuardianshipOrder => "Special guardianship order",
        LegalStatus.ChildArrangementsOrder => "Child arrangements order",
        LegalStatus.LeftCare => "Left care",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown legal status"),
    };

    public static bool IsKnown(LegalStatus status) => Enum.IsDefined(status);

    /// <summary>A child looked after by the authority (the authority plans family time).</summary>
    public static bool IsInCare(LegalStatus status) => status is
        LegalStatus.InterimCareOrder or LegalStatus.CareOrder or LegalStatus.Section20 or LegalStatus.PlacementOrder;

    /// <summary>Under an SGO or CAO, or after leaving care, the authority does not arrange family time.</summary>
    public static bool AuthorityArrangesFamilyTime(LegalStatus status) => IsInCare(status);

    /// <summary>
    /// Care orders carry the section 34 duty to allow reasonable contact with parents; refusing or varying it
    /// needs Care Planning Regulations 2010 reg 8 or a court order.
    /// </summary>
    public static bool HasSection34Duty(LegalStatus status) =>
        status is LegalStatus.InterimCareOrder or LegalStatus.CareOrder;

    /// <summary>
    /// Under section 20 the parents hold full parental responsibility: the authority facilitates family time
    /// but does not supervise it unless a head of service has approved an exception.
    /// </summary>
    public static bool SupervisionAllowed(LegalStatus status, bool headOfServiceExceptionRecorded) => status switch
    {
        LegalStatus.Section20 => headOfServiceExceptionRecorded,
        _ => AuthorityArrangesFamilyTime(status),
    };

    /// <summary>While care proceedings run, the family court must agree any change to family time first.</summary>
    public static bool ChangeNeedsCourtAgreement(bool inCareProceedings) => inCareProceedings;

    /// <summary>
    /// Checks a status together with the proceedings flag. An interim care order exists only inside
    /// proceedings; a child who has left care, or lives under an SGO or CAO, has none with the authority.
    /// </summary>
    public static string? CheckProceedings(LegalStatus status, bool inCareProceedings) => status switch
    {
        LegalStatus.InterimCareOrder when !inCareProceedings =>
            "An interim care order is only made during care proceedings. Tick 'in care proceedings' or choose another legal status.",
        LegalStatus.LeftCare or LegalStatus.SpecialGuardianshipOrder or LegalStatus.ChildArrangementsOrder when inCareProceedings =>
            $"A child with the legal status '{Describe(status)}' is not in care proceedings with the authority. Untick 'in care proceedings' or choose another legal status.",
        _ => null,
    };
}
