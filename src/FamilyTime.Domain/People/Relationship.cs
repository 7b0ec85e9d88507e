namespace FamilyTime.Domain.People;

/// <summary>How a significant person is related to the child.</summary>
public enum Relationship
{
    Mother = 1,
    Father = 2,
    Brother = 3,
    Sister = 4,
    HalfSibling = 5,
    Grandparent = 6,
    AuntOrUncle = 7,
    FamilyFriend = 8,
    FormerCarer = 9,
    PossibleFutureCarer = 10,
    Other = 11,
}

public static class RelationshipRules
{
    public static string Describe(Relationship r) => r switch
    {
        Relationship.Mother => "Mother",
        Relationship.Father => "Father",
        Relationship.Brother => "Brother",
        Relationship.Sister => "Sister",
        Relationship.HalfSibling => "Half-brother or half-sister",
        Relationship.Grandparent => "Grandparent",
        Relationship.AuntOrUncle => "Aunt or uncle",
        Relationship.FamilyFriend => "Family friend",
        Relationship.FormerCarer => "Former carer",
        Relationship.PossibleFutureCarer => "Possible future carer",
        Relationship.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(r), r, "Unknown relationship"),
    };

    public static bool IsParent(Relationship r) => r is Relationship.Mother or Relationship.Father;

    /// <summary>Brothers and sisters, including half-siblings: always considered in the plan.</summary>
    public static bool IsBrotherOrSister(Relationship r) =>
        r is Relationship.Brother or Relationship.Sister or Relationship.HalfSibling;
}
