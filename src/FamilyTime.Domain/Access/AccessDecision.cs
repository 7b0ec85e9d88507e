namespace FamilyTime.Domain.Access;

public enum AccessAnswer
{
    Allowed,

    /// <summary>Out of reach: the child is answered as if it did not exist.</summary>
    NotFound,

    /// <summary>In reach but not allowed, with the reason.</summary>
    Forbidden,
}

public sealed record AccessDecision(AccessAnswer Answer, string? Reason)
{
    public static readonly AccessDecision Allowed = new(AccessAnswer.Allowed, null);
    public static readonly AccessDecision NotFound = new(AccessAnswer.NotFound, null);

    public bool IsAllowed => Answer == AccessAnswer.Allowed;
}
