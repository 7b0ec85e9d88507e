namespace FamilyTime.Domain.Plans;

/// <summary>
/// A head of service's approval that family time for a child accommodated under section 20 may be supervised
/// or assessed, in very exceptional circumstances (guidance section 7): who approved it, when and why.
/// </summary>
public sealed class SupervisionException
{
    public const int MaxReason = 2000;

    private SupervisionException() { }

    public SupervisionException(Guid childId, string approvedById, string approvedByName, DateTime approvedAt, string reason)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        ApprovedById = approvedById;
        ApprovedByName = approvedByName;
        ApprovedAt = approvedAt;
        Reason = reason.Trim();
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string ApprovedById { get; private set; } = "";
    public string ApprovedByName { get; private set; } = "";
    public DateTime ApprovedAt { get; private set; }
    public string Reason { get; private set; } = "";

    public static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Say why supervision is needed in this exceptional case"
        : reason.Trim().Length > MaxReason ? $"The reason must be {MaxReason} characters or fewer"
        : null;
}
