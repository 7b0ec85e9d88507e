namespace FamilyTime.Domain.Plans;

/// <summary>
/// One agreed version of a plan, kept for good: who agreed it, when, why it changed (and the court's agreement
/// during proceedings), and what its arrangements said at that moment.
/// </summary>
public sealed class PlanVersion
{
    private PlanVersion() { }

    internal PlanVersion(Guid planId, int number, DateTime agreedAt, string agreedById, string agreedByName, PlanChange? change, string snapshot)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        Number = number;
        AgreedAt = agreedAt;
        AgreedById = agreedById;
        AgreedByName = agreedByName;
        ChangeReason = change?.Reason?.Trim();
        CourtAgreedOn = change?.CourtAgreedOn;
        CourtReference = change?.CourtReference?.Trim();
        Snapshot = snapshot;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public DateTime AgreedAt { get; private set; }
    public string AgreedById { get; private set; } = "";
    public string AgreedByName { get; private set; } = "";

    /// <summary>Null for a plan agreed as a whole; the reason when an agreed plan was changed.</summary>
    public string? ChangeReason { get; private set; }
    public DateOnly? CourtAgreedOn { get; private set; }
    public string? CourtReference { get; private set; }

    /// <summary>The arrangements as they were agreed, as JSON.</summary>
    public string Snapshot { get; private set; } = "";
}
