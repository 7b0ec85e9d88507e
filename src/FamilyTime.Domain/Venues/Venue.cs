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

    /// <summary>
    /// Replaces the week's opening hours (no entry for a day: closed that day). At most one stretch a day, opening
    /// before closing (<see cref="Venues.OpeningHours.Check"/>); problems are keyed by the day's name.
    /// </summary>
    public ValidationErrors SetOpeningHours(IReadOnlyList<OpeningHours> hours)
    {
        var errors = Venues.OpeningHours.Check(hours);
        if (errors.IsValid)
        {
            OpeningHours = hours.OrderBy(h => Venues.OpeningHours.Week.ToList().IndexOf(h.Day)).ToList();
        }
        return errors;
    }

    /// <summary>The hours for one weekday, or null when the venue is closed that day.</summary>
    public OpeningHours? HoursOn(DayOfWeek day) => OpeningHours.FirstOrDefault(h => h.Day == day);

    public bool IsOpenOn(DayOfWeek day) => HoursOn(day) is not null;

    /// <summary>
    /// Closes the whole venue (no room) or one of its rooms for some days. The same closure twice (same room and
    /// dates) is refused, so a form sent again does not list it twice.
    /// </summary>
    public (VenueClosure? Closure, ValidationErrors Errors) AddClosure(ClosureDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(today);
        if (details.RoomId is { } roomId && _rooms.All(r => r.Id != roomId))
        {
            errors.Add(nameof(ClosureDetails.RoomId), "Choose the whole venue or one of its rooms");
        }
        if (errors.IsValid && _closures.Any(c => c.RoomId == details.RoomId && c.From == details.From && c.Until == details.Until))
        {
            errors.Add(nameof(ClosureDetails.From), "This closure has already been added");
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        var closure = new VenueClosure(Id, details.RoomId, details.From!.Value, details.Until!.Value, details.Reason!.Trim());
        _closures.Add(closure);
        return (closure, errors);
    }

    /// <summary>Ends a closure early or takes back one added in error; answers the closure removed, or null when it is not this venue's.</summary>
    public VenueClosure? RemoveClosure(Guid closureId)
    {
        var closure = _closures.FirstOrDefault(c => c.Id == closureId);
        if (closure is not null)
        {
            _closures.Remove(closure);
        }
        return closure;
    }

    /// <summary>Closures not yet over on <paramref name="today"/>, soonest first: what the venue's page lists.</summary>
    public IReadOnlyList<VenueClosure> UpcomingClosures(DateOnly today) =>
        _closures.Where(c => c.IsCurrentOrUpcoming(today)).OrderBy(c => c.From).ThenBy(c => c.Until).ToList();

    /// <summary>Changes a room's name, capacity, features and the ages it suits.</summary>
    public ValidationErrors ChangeRoom(Guid roomId, RoomDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var room = _rooms.FirstOrDefault(r => r.Id == roomId);
        if (room is null)
        {
            return new ValidationErrors().Add("RoomId", "Choose one of this venue's rooms");
        }
        var errors = details.Validate();
        if (errors.IsValid && _rooms.Any(r => r.Id != roomId && string.Equals(r.Name, details.Name!.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("RoomName", "This venue already has a room with that name");
        }
        if (errors.IsValid)
        {
            room.Apply(details);
        }
        return errors;
    }

    /// <summary>
    /// When <paramref name="room"/> can be used on <paramref name="date"/>: the venue's hours for that weekday, or
    /// nothing when the venue is marked closed, is closed that weekday, or a closure of the venue or the room covers
    /// the date. The one answer the rota, bookings and pages all ask; a list so a split day would need no new callers.
    /// </summary>
    public IReadOnlyList<OpenWindow> OpenWindows(Room room, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(room);
        return OpenWindows(room.Id, date);
    }

    /// <inheritdoc cref="OpenWindows(Room, DateOnly)"/>
    public IReadOnlyList<OpenWindow> OpenWindows(Guid roomId, DateOnly date)
    {
        if (!IsOpen || _rooms.All(r => r.Id != roomId) || _closures.Any(c => c.Covers(date, roomId)))
        {
            return [];
        }
        return OpeningHours.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Opens).Select(h => new OpenWindow(h.Opens, h.Closes)).ToList();
    }

    /// <summary>Whether the room can be used for the whole of [<paramref name="start"/>, <paramref name="end"/>) on the date.</summary>
    public bool IsUsable(Guid roomId, DateOnly date, TimeOnly start, TimeOnly end) =>
        OpenWindows(roomId, date).Any(w => w.Holds(start, end));

    /// <summary>
    /// Why the room cannot be used then, in words for a coordinator ("Oak Room is closed from 21 Dec 2026 to 1 Jan
    /// 2027: Christmas week"), or null when it can. For a booking's message and the rota's unplaced reasons.
    /// </summary>
    public string? WhyNotUsable(Guid roomId, DateOnly date, TimeOnly start, TimeOnly end)
    {
        var room = _rooms.FirstOrDefault(r => r.Id == roomId);
        if (room is null)
        {
            return $"The room is not one of {Name}'s rooms";
        }
        if (!IsOpen)
        {
            return $"{Name} is marked closed: no family time can be arranged there";
        }
        var closure = _closures.Where(c => c.Covers(date, roomId)).OrderBy(c => c.RoomId is null ? 0 : 1).FirstOrDefault();
        if (closure is not null)
        {
            var what = closure.RoomId is null ? Name : $"{room.Name} at {Name}";
            var when = closure.From == closure.Until ? $"on {Day(closure.From)}" : $"from {Day(closure.From)} to {Day(closure.Until)}";
            return $"{what} is closed {when}: {closure.Reason}";
        }
        var hours = HoursOn(date.DayOfWeek);
        if (hours is null)
        {
            return $"{Name} is closed on {date.DayOfWeek}s";
        }
        if (!IsUsable(roomId, date, start, end))
        {
            return $"{Name} is open {Time(hours.Opens)} to {Time(hours.Closes)} on {date.DayOfWeek}s; {Time(start)} to {Time(end)} does not fit";
        }
        return null;
    }

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

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

    public const int OldestAge = 18;

    public bool Has(RoomFeatures features) => (Features & features) == features;

    /// <summary>Whether the room suits a child of <paramref name="age"/> whole years (open ends suit everyone).</summary>
    public bool Suits(int age) => (SuitsFromAge is not { } from || from <= age) && (SuitsToAge is not { } to || age <= to);

    /// <summary>A baby can be seen here: the room suits under-ones and has somewhere to change a nappy.</summary>
    public bool SuitsBabies => Suits(0) && Has(RoomFeatures.BabyChange);

    internal void Apply(RoomDetails d)
    {
        Name = d.Name!.Trim();
        Capacity = d.Capacity;
        Features = d.Features;
        SuitsFromAge = d.SuitsFromAge;
        SuitsToAge = d.SuitsToAge;
    }

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

/// <summary>Input describing a room: its name, how many people it holds, what it offers and the ages it suits (whole years, 0 to 18).</summary>
public sealed record RoomDetails(string? Name, int? Capacity, RoomFeatures Features, int? SuitsFromAge, int? SuitsToAge)
{
    public ValidationErrors Validate()
    {
        var errors = Room.Check(Name, Capacity);
        var all = Enum.GetValues<RoomFeatures>().Aggregate(RoomFeatures.None, (a, b) => a | b);
        if ((Features & ~all) != 0)
        {
            errors.Add(nameof(Features), "Choose only the features listed");
        }
        if (SuitsFromAge is < 0 or > Room.OldestAge)
        {
            errors.Add(nameof(SuitsFromAge), $"The youngest age must be between 0 and {Room.OldestAge}");
        }
        if (SuitsToAge is < 0 or > Room.OldestAge)
        {
            errors.Add(nameof(SuitsToAge), $"The oldest age must be between 0 and {Room.OldestAge}");
        }
        if (SuitsFromAge is { } from and >= 0 and <= Room.OldestAge && SuitsToAge is { } to and >= 0 and <= Room.OldestAge && to < from)
        {
            errors.Add(nameof(SuitsToAge), "The oldest age must be the same as or more than the youngest age");
        }
        return errors;
    }
}
