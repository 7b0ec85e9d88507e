namespace FamilyTime.Domain.Sessions;

/// <summary>"I'm running late": how many minutes the family expects to be late; the latest thing said wins.</summary>
public static class RunningLate
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 120;

    /// <summary>The choices offered on the phone form; the API takes any whole number in range.</summary>
    public static IReadOnlyList<int> Choices { get; } = [5, 10, 15, 20, 30, 45, 60, 90, 120];
}
