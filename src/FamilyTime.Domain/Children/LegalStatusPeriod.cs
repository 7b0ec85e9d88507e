namespace FamilyTime.Domain.Children;

/// <summary>One legal status from its start date; the history is kept, the latest is current.</summary>
public sealed class LegalStatusPeriod
{
    private LegalStatusPeriod() { }

    internal LegalStatusPeriod(Guid childId, LegalStatus status, DateOnly startDate)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Status = status;
        StartDate = startDate;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public LegalStatus Status { get; private set; }
    public DateOnly StartDate { get; private set; }
}
