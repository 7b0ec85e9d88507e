namespace FamilyTime.Web.Features.Suspensions;

/// <summary>
/// The keys of a suspension's jobs, tasks and messages. They all start with <see cref="All"/>, so resuming or applying
/// closes every task about it at once; each is the same every time, so a job that runs twice adds once.
/// </summary>
public static class SuspensionTaskKeys
{
    public static string All(Guid suspensionId) => $"suspension:{suspensionId}:";

    /// <summary>The social worker records the discussions with the team manager and the IRO.</summary>
    public static string Discuss(Guid suspensionId) => All(suspensionId) + "discuss";

    /// <summary>The day-5 job, and the warning task and e-mail it raises.</summary>
    public static string Day5(Guid suspensionId) => All(suspensionId) + "day5";

    /// <summary>The day-7 job.</summary>
    public static string Day7(Guid suspensionId) => All(suspensionId) + "day7";

    /// <summary>The escalation task and e-mail to one manager.</summary>
    public static string Day7For(Guid suspensionId, string managerId) => Day7(suspensionId) + ":" + managerId;

    /// <summary>Word to the carers and family; each recipient's key goes on from here.</summary>
    public static string Tell(Guid suspensionId) => All(suspensionId) + "tell:";
}
