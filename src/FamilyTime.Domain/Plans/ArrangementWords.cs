namespace FamilyTime.Domain.Plans;

/// <summary>The new arrangement choices in plain words, for the form, the plan and the family's letter.</summary>
public static class ArrangementWords
{
    public static string Describe(WishesNotAsked w) => w switch
    {
        WishesNotAsked.TooYoung => "Too young to say in words",
        WishesNotAsked.Declined => "Asked, and chose not to say",
        WishesNotAsked.Other => "Another reason",
        _ => throw new ArgumentOutOfRangeException(nameof(w), w, "Unknown reason"),
    };

    public static string Describe(FamilyTimePlace p) => p switch
    {
        FamilyTimePlace.Venue => "A room at a venue",
        FamilyTimePlace.FamilyHome => "The family home",
        FamilyTimePlace.CarersHome => "The carer’s home",
        FamilyTimePlace.Community => "A place in the community",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "Unknown place"),
    };

    public static string Describe(SupervisedBy s) => s switch
    {
        SupervisedBy.Worker => "A worker",
        SupervisedBy.Carer => "A carer",
        SupervisedBy.FamilyMember => "A family member",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown supervisor"),
    };

    /// <summary>
    /// Where family time happens, as a parent may read it: a carer's home is only ever "the carer's home", never
    /// named or addressed, so where the child lives does not reach the family.
    /// </summary>
    public static string? PlaceForFamily(FamilyTimePlace place, string? description) => place switch
    {
        FamilyTimePlace.CarersHome => "The carer’s home",
        FamilyTimePlace.FamilyHome => "The family home",
        FamilyTimePlace.Community => description,
        _ => null,
    };

    /// <summary>
    /// What the venue must be, in words staff and the family may both read ("Step-free access; at this venue only"),
    /// or null when the plan asks nothing. It names no place, so it can carry no address.
    /// </summary>
    public static string? VenueNeeds(bool stepFree, bool venueFixed) => (stepFree, venueFixed) switch
    {
        (true, true) => "Step-free access; at this venue only",
        (true, false) => "Step-free access",
        (false, true) => "At this venue only",
        _ => null,
    };
}
