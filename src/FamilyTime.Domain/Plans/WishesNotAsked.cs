namespace FamilyTime.Domain.Plans;

/// <summary>
/// Why the child's wishes about this family time are not written down (guidance section 1: the child is always
/// asked). Recorded instead of the wishes, never as well as them.
/// </summary>
public enum WishesNotAsked
{
    /// <summary>Too young to say what they want in words; their carers' and workers' reading of them goes elsewhere.</summary>
    TooYoung = 1,

    /// <summary>Asked, and chose not to say.</summary>
    Declined = 2,

    /// <summary>Another reason, said in words.</summary>
    Other = 3,
}
