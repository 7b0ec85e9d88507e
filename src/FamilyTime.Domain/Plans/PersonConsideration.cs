namespace FamilyTime.Domain.Plans;

/// <summary>
/// Why a parent, brother or sister has no family time in the plan. Parents and brothers and sisters are always
/// considered (guidance section 4): either an arrangement includes them or this reason is recorded.
/// </summary>
public sealed class PersonConsideration
{
    private PersonConsideration() { }

    internal PersonConsideration(Guid planId, Guid personId, string reason, DateTime recordedAt, string recordedById)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        PersonId = personId;
        Reason = reason;
        RecordedAt = recordedAt;
        RecordedById = recordedById;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public string RecordedById { get; private set; } = "";

    internal void Change(string reason, DateTime at, string byId)
    {
        Reason = reason;
        RecordedAt = at;
        RecordedById = byId;
    }
}
