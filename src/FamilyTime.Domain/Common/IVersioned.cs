namespace FamilyTime.Domain.Common;

/// <summary>
/// An editable record with an optimistic-concurrency version: an edit made from a stale copy is refused
/// instead of silently overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
