namespace FamilyTime.Domain.Children;

/// <summary>
/// A contact worker assigned to supervise, assess or facilitate a child's family time. It gives them the
/// minimum view of the child needed to run sessions, and nothing more.
/// </summary>
public sealed class SupervisorAssignment
{
    private SupervisorAssignment() { }

    public SupervisorAssignment(Guid childId, string userId, DateOnly since)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        UserId = userId;
        Since = since;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly Since { get; private set; }
}
