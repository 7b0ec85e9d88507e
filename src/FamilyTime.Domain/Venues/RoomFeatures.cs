namespace FamilyTime.Domain.Venues;

/// <summary>What a room offers. A session that needs some of these is only ever booked into a room that has them all.</summary>
[Flags]
public enum RoomFeatures
{
    None = 0,
    /// <summary>Soft furnishings, toys, a sofa: a room that feels like a home.</summary>
    FamilyFriendly = 1,
    /// <summary>A formal room where supervision or assessment needs one.</summary>
    Formal = 2,
    BabyChange = 4,
    Kitchen = 8,
    Garden = 16,
    StepFree = 32,
    /// <summary>An observation window or second room, for assessed family time.</summary>
    Observation = 64,
}
