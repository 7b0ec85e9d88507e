namespace FamilyTime.Domain.Children;

/// <summary>A period of the child living in one home: with a carer household or in a residential home.</summary>
public sealed class Placement
{
    private Placement() { }

    internal Placement(Guid childId, PlacementDetails details)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Kind = details.Kind!.Value;
        CarerHouseholdId = details.Kind == PlacementKind.CarerHousehold ? details.CarerHouseholdId : null;
        ResidentialHomeName = details.Kind == PlacementKind.ResidentialHome ? details.ResidentialHomeName?.Trim() : null;
        StartDate = details.StartDate!.Value;
        IsLongTerm = details.IsLongTerm;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public PlacementKind Kind { get; private set; }
    public Guid? CarerHouseholdId { get; private set; }
    public string? ResidentialHomeName { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public bool IsLongTerm { get; private set; }

    public bool IsCurrent => EndDate is null;

    internal void End(DateOnly endDate) => EndDate = endDate;
}
