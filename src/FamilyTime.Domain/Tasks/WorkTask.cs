namespace FamilyTime.Domain.Tasks;

/// <summary>What a task asks of its person; the workflows that feed the task list each add their own kind.</summary>
public enum TaskKind
{
    IroDecision = 1,
    CourtAgreement = 2,
    SendNotices = 3,
    TakeEffect = 4,
    SuspensionWarning = 5,
    SuspensionEscalated = 6,
    ReviewDue = 7,
    IndependentVisitor = 8,
    ReviewToHold = 9,

    // Numbered apart from the kinds other workflows add at the same time, so none share a number.
    /// <summary>A parent has replied to notes shared with them: the social worker reads it.</summary>
    ParentReply = 40,

    /// <summary>A parent's letter could not be written without saying where the child lives, or needs translating.</summary>
    LetterToCheck = 41,

    /// <summary>A young person has asked to talk to someone: urgent, due the same day, at the top of the inbox.</summary>
    YoungPersonWantsToTalk = 60,

    /// <summary>A young person has said something in their own words (how a session felt, who they want to see, what family time is called).</summary>
    YoungPersonSaid = 61,

    /// <summary>A carer has logged a call, message, letter or contact online: the social worker reads it.</summary>
    IndirectContact = 50,

    /// <summary>A carer has logged unplanned contact online, or something that worried them: the social worker reads it today.</summary>
    IndirectContactUrgent = 51,

    /// <summary>A travel claim waits for the child's team manager to approve or refuse it (numbered apart from other workflows').</summary>
    TravelClaimToDecide = 70,

    // Ringing in and the family's requests to move a session (issue 11, items 2 and 3), numbered apart again.
    /// <summary>A session's confirmation deadline passed with no confirmation: the carer and supervisor were told not to set off.</summary>
    SessionUnconfirmed = 80,

    /// <summary>A family member asks to move a session: the social worker approves or refuses it.</summary>
    RearrangeRequest = 81,
}

/// <summary>
/// One thing one person must do, on their task list until done. A task has a key saying what it is about
/// ("suspension-escalated:{id}"): the same key is never added twice, so a scheduled job that runs again after a
/// restart finds its task already there instead of adding another.
/// </summary>
public sealed class WorkTask
{
    public const int TitleLength = 300;

    private WorkTask() { }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public TaskKind Kind { get; private set; }
    public string AssigneeId { get; private set; } = "";
    public Guid? ChildId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Where the work is done, an address inside the service.</summary>
    public string Link { get; private set; } = "";
    public DateOnly? DueOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => DoneAt is null;

    public static WorkTask Create(string key, TaskKind kind, string assigneeId, Guid? childId, string title, string link, DateOnly? dueOn, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(assigneeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new WorkTask
        {
            Id = Guid.NewGuid(),
            Key = key,
            Kind = kind,
            AssigneeId = assigneeId,
            ChildId = childId,
            Title = title.Length > TitleLength ? title[..TitleLength] : title,
            Link = link,
            DueOn = dueOn,
            CreatedAt = at,
        };
    }

    /// <summary>Done once; doing it again keeps the first who and when.</summary>
    public void Complete(string byId, DateTime at)
    {
        if (DoneAt is null)
        {
            DoneAt = at;
            DoneById = byId;
        }
    }
}
