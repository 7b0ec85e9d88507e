using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Venues;

/// <summary>A place where family time happens (a family centre, a children's centre, a community venue) and its rooms.</summary>
public sealed class Venue : IVersioned
{
    private readonly List<Room> _rooms = [];
    private readonly List<VenueClosure> _closures = [];

    private Venue() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Postcode { get; private set; } = "";
    public Guid AreaId { get; private set; }
    public string? Notes { get; private set; }
    public bool IsOpen { get; private set; }
    public int Version { get; set; }
    public IReadOnlyList<Room> Rooms => _rooms;

    /// <summary>When the venue is open in a normal week; no entry for a day means closed that day.</summary>
    public List<OpeningHours> OpeningHours { get; private set; } = [];

    /// <summary>Days the venue or one of its rooms cannot be used.</summary>
    public IReadOnlyList<VenueClosure> Closures => _closures;

    public static (Venue? Venue, ValidationErrors Errors) Create(VenueDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var venue = new Venue { Id = Guid.NewGuid() };
        venue.Apply(details);
        return (venue, errors);
    }

    public ValidationErrors Update(VenueDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (errors.IsValid)
        {
            Apply(details);
        }
        return errors;
    }

    public (Room? Room, ValidationErrors Errors) AddRoom(string? name, int? capacity)
    {
        var errors = Room.Check(name, capacity);
        if (errors.IsValid && _rooms.Any(r => string.Equals(r.Name, name!.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("RoomName", "This venue already has a room with that name");
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var room = new Room(Id, name!.Trim(), capacity);
        _rooms.Add(room);
        return (room, errors);
    }

    private void Apply(VenueDetails d)
    {
        Name = d.Name!.Trim();
        Address = d.Address!.Trim();
        Postcode = d.Postcode!.Trim().ToUpperInvariant();
        AreaId = d.AreaId!.Value;
        Notes = Text.Clean(d.Notes);
        IsOpen = d.IsOpen;
    }
}

/// <summary>Input describing a venue.</summary>
public sealed record VenueDetails(string? Name, string? Address, string? Postcode, Guid? AreaId, string? Notes, bool IsOpen = true)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Required(nameof(Name), Name, "Enter the venue's name");
        errors.MaxLength(nameof(Name), Name, 150, "Name");
        errors.Required(nameof(Address), Address, "Enter the venue's address");
        errors.MaxLength(nameof(Address), Address, 300, "Address");
        errors.Required(nameof(Postcode), Postcode, "Enter the venue's postcode");
        errors.MaxLength(nameof(Postcode), Postcode, 10, "Postcode");
        if (AreaId is null || AreaId == Guid.Empty)
        {
            errors.Add(nameof(AreaId), "Choose the area the venue is in");
        }
        errors.MaxLength(nameof(Notes), Notes, 2000, "Notes");
        return errors;
    }
}

/// <summary>A room at a venue that family time can be booked into.</summary>
public sealed class Room
{
    private Room() { }

    internal Room(Guid venueId, string name, int? capacity)
    {
        Id = Guid.NewGuid();
        VenueId = venueId;
        Name = name;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }
    public Guid VenueId { get; private set; }
    public string Name { get; private set; } = "";
    public int? Capacity { get; private set; }
    public RoomFeatures Features { get; private set; }

    /// <summary>The ages the room suits (a baby room, a teenagers' room); null ends are open.</summary>
    public int? SuitsFromAge { get; private set; }
    public int? SuitsToAge { get; private set; }

    internal static ValidationErrors Check(string? name, int? capacity)
    {
        var errors = new ValidationErrors();
        errors.Required("RoomName", name, "Enter the room's name");
        errors.MaxLength("RoomName", name, 100, "Room name");
        if (capacity is < 1 or > 100)
        {
            errors.Add("Capacity", "Capacity must be between 1 and 100 people");
        }
        return errors;
    }
}
