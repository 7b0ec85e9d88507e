namespace FamilyTime.Domain.Plans;

/// <summary>Who supervises or supports family time (guidance section 7): a worker, or a named carer or family member.</summary>
public enum SupervisedBy
{
    Worker = 0,
    Carer = 1,
    FamilyMember = 2,
}
