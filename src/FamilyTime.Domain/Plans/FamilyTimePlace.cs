namespace FamilyTime.Domain.Plans;

/// <summary>
/// Where face-to-face family time happens (guidance section 10): a room at a venue, the family home, the carer's
/// home or a place in the community. A carer's home is never named or placed for a parent.
/// </summary>
public enum FamilyTimePlace
{
    /// <summary>A room at a family centre or other venue, chosen from the venue list.</summary>
    Venue = 0,
    FamilyHome = 1,
    CarersHome = 2,

    /// <summary>A park, café, soft play or similar, named in words.</summary>
    Community = 3,
}
