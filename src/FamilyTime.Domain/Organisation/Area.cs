namespace FamilyTime.Domain.Organisation;

/// <summary>A part of the authority's patch, with its own teams, venues and rota.</summary>
public sealed class Area
{
    private Area() { }

    public Area(string name)
    {
        Id = Guid.NewGuid();
        Name = name;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
}
