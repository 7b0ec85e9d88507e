namespace FamilyTime.Domain.Workforce;

/// <summary>What a worker can do. A session that needs a skill gets only workers who hold it.</summary>
[Flags]
public enum WorkerSkills
{
    None = 0,
    /// <summary>Trained to observe and write up assessed family time.</summary>
    Assessed = 1,
    /// <summary>Has a car and is insured to drive for work.</summary>
    Driver = 2,
}
