namespace FamilyTime.Web.Api;

/// <summary>The id of what was just made; its address is in the Location header.</summary>
public sealed record CreatedId(Guid Id);

/// <summary>A record after a change: send this version with the next change, so a stale one answers 409.</summary>
public sealed record SavedVersion(Guid Id, int Version);
