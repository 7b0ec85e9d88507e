namespace FamilyTime.Domain.Organisation;

/// <summary>A social work team in an area, led by a team manager.</summary>
public sealed class Team
{
    private Team() { }

    public Team(string name, Guid areaId)
    {
        Id = Guid.NewGuid();
        Name = name;
        AreaId = areaId;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid AreaId { get; private set; }
}
