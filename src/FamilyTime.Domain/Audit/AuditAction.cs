namespace FamilyTime.Domain.Audit;

public enum AuditAction
{
    View = 1,
    Create = 2,
    Update = 3,
    Delete = 4,
}
