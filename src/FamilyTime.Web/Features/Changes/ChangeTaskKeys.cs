namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// The keys of a proposal's tasks and messages. They all start with <see cref="All"/>, so the end of a proposal
/// closes every task about it at once, and each step's key is the same every time, so a step done twice adds once.
/// </summary>
public static class ChangeTaskKeys
{
    public static string All(Guid proposalId) => $"change:{proposalId}:";

    /// <summary>The IRO's decision (the task and the e-mail asking for it).</summary>
    public static string Iro(Guid proposalId) => All(proposalId) + "iro";

    /// <summary>The IRO records the convened review's outcome.</summary>
    public static string Review(Guid proposalId) => All(proposalId) + "review";

    public static string Court(Guid proposalId) => All(proposalId) + "court";

    public static string Notices(Guid proposalId) => All(proposalId) + "notices";

    public static string Effect(Guid proposalId) => All(proposalId) + "effect";

    /// <summary>The notices themselves in the outbox; each recipient's key goes on from here.</summary>
    public static string Notice(Guid proposalId) => All(proposalId) + "notice";
}
