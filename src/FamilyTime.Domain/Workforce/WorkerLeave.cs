namespace FamilyTime.Domain.Workforce;

/// <summary>Days a worker is away (annual leave, training, sickness): the rota gives them nothing then. Inclusive dates.</summary>
public sealed class WorkerLeave
{
    private WorkerLeave() { }

    public WorkerLeave(string userId, DateOnly from, DateOnly until, string reason)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        From = from;
        Until = until;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly Until { get; private set; }
    public string Reason { get; private set; } = "";

    public bool Covers(DateOnly date) => From <= date && date <= Until;
}
