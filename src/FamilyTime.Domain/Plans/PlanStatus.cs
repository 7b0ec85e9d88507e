namespace FamilyTime.Domain.Plans;

public enum PlanStatus
{
    /// <summary>Being written; nothing has been agreed yet.</summary>
    Draft = 1,

    /// <summary>The current version is agreed and its sessions are planned.</summary>
    Agreed = 2,

    /// <summary>The current agreed version has been shared with the family.</summary>
    SharedWithFamily = 3,
}
