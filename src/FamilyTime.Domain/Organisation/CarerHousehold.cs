using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Organisation;

/// <summary>A fostering household: the carers a child may live with. Its address is never shown to parents.</summary>
public sealed class CarerHousehold
{
    private CarerHousehold() { }

    public CarerHousehold(string name, string address, string postcode, Guid areaId)
    {
        Id = Guid.NewGuid();
        Name = name;
        Address = address;
        Postcode = postcode;
        AreaId = areaId;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Postcode { get; private set; } = "";
    public Guid AreaId { get; private set; }

    /// <summary>The town of the home: a parent must not read it any more than the street.</summary>
    public string? Town { get; private set; }

    public CarerHousehold InTown(string? town)
    {
        Town = Text.Clean(town);
        return this;
    }
}
