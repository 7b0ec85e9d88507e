namespace FamilyTime.Domain.Plans;

/// <summary>
/// The service's own numbers for plan practice (configuration section "Plans", e.g. Plans__SocialWorkerAttendsOneIn).
/// </summary>
public sealed record PlanSettings
{
    /// <summary>The social worker attends at least one session in this many of a supervised, assessed or facilitated arrangement.</summary>
    public int SocialWorkerAttendsOneIn { get; init; } = 6;

    /// <summary>Working days after coming into care that a missing plan is "due" before it is "overdue".</summary>
    public int DueGraceWorkingDays { get; init; } = 5;

    /// <summary>The prompt on each arrangement a worker attends, saying how often the social worker comes too.</summary>
    public PracticePrompt? SocialWorkerPrompt(ArrangementType type, bool faceToFace) =>
        type == ArrangementType.Unsupervised || !faceToFace || SocialWorkerAttendsOneIn < 1
            ? null
            : new PracticePrompt("SupervisorId", SocialWorkerAttendsOneIn == 1
                ? "The social worker attends every session."
                : $"The social worker attends at least one session in {SocialWorkerAttendsOneIn}: put the dates in your diary.");
}
