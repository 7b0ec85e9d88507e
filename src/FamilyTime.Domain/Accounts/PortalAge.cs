namespace FamilyTime.Domain.Accounts;

/// <summary>A young person is invited to their own account only from the age the service sets (default 8).</summary>
public static class PortalAge
{
    public const int DefaultFromAge = 8;

    public static string? RefusalFor(int age, int fromAge) =>
        age >= fromAge ? null
        : $"A young person can have their own account from the age of {fromAge}. This child is {age}, so they cannot be invited yet.";
}
