namespace FamilyTime.Domain.Children;

/// <summary>The legal basis on which a child is looked after, or has left care.</summary>
public enum LegalStatus
{
    /// <summary>Interim care order, Children Act 1989 s38: only exists while care proceedings run.</summary>
    InterimCareOrder = 1,

    /// <summary>Care order, Children Act 1989 s31.</summary>
    CareOrder = 2,

    /// <summary>Accommodated under s20 with the parents' agreement; parents keep full parental responsibility.</summary>
    Section20 = 3,

    /// <summary>Placement order: the child may be placed for adoption.</summary>
    PlacementOrder = 4,

    /// <summary>Special guardianship order: the authority does not arrange family time.</summary>
    SpecialGuardianshipOrder = 5,

    /// <summary>Child arrangements order: the authority does not arrange family time.</summary>
    ChildArrangementsOrder = 6,

    /// <summary>No longer looked after.</summary>
    LeftCare = 7,
}
