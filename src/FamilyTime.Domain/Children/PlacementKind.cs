namespace FamilyTime.Domain.Children;

/// <summary>Where the child lives. On the page this is the child's "home".</summary>
public enum PlacementKind
{
    CarerHousehold = 1,
    ResidentialHome = 2,
}
