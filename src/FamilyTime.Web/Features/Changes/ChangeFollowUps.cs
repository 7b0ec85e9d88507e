using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Tasks;
using FamilyTime.Web.Access;
using FamilyTime.Web.Features.Tasks;
using FamilyTime.Web.Infrastructure;

namespace FamilyTime.Web.Features.Changes;

/// <summary>
/// Who must do what after each step of a proposal, read from where the proposal now stands: the IRO decides, the
/// IRO records a convened review, the social worker records the court and sends the notices, whoever sent the
/// notices makes the change take effect. Values only: the use case stages them with the step.
/// </summary>
public static class ChangeFollowUps
{
    /// <param name="today">The IRO is asked to decide within 7 days.</param>
    public static TaskFollowUps Proposed(ChangeProposal p, ChildContext child, string iroId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(child);
        var then = TaskFollowUps.None.Then(new TaskToAdd(ChangeTaskKeys.Iro(p.Id), TaskKind.IroDecision, iroId, child.ChildId,
            $"Decide on a proposed change to {child.Name}'s family time: {p.Summary}", Link(p), today.AddDays(7)));
        return p.NeedsCourt && p.CourtAgreedOn is null ? then.Then(CourtTask(p, child)) : then;
    }

    /// <param name="iroId">The IRO who decided: a convened review is theirs to record.</param>
    public static TaskFollowUps IroDecided(ChangeProposal p, ChildContext child, string iroId)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(child);
        var done = TaskFollowUps.Completing(ChangeTaskKeys.Iro(p.Id));
        return p.IroDecision == IroDecision.ReviewConvened
            ? done.Then(new TaskToAdd(ChangeTaskKeys.Review(p.Id), TaskKind.ReviewToHold, iroId, child.ChildId,
                $"Record the outcome of {child.Name}'s child in care review about the change to family time", Link(p), p.ReviewOn))
            : done.Then(NextForWorker(p, child));
    }

    public static TaskFollowUps ReviewRecorded(ChangeProposal p, ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(p);
        var done = TaskFollowUps.Completing(ChangeTaskKeys.Review(p.Id));
        return p.ReviewAgreed == true ? done.Then(NextForWorker(p, child)) : done;
    }

    public static TaskFollowUps CourtRecorded(ChangeProposal p, ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(p);
        var done = TaskFollowUps.Completing(ChangeTaskKeys.Court(p.Id));
        return p.Stage == ChangeStage.AwaitingNotices ? done.Then(NextForWorker(p, child)) : done;
    }

    /// <param name="senderId">Who sent the notices: making the change take effect is theirs next.</param>
    public static TaskFollowUps NoticesSent(ChangeProposal p, ChildContext child, string senderId)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(child);
        return TaskFollowUps.Completing(ChangeTaskKeys.Notices(p.Id)).Then(new TaskToAdd(ChangeTaskKeys.Effect(p.Id), TaskKind.TakeEffect, senderId,
            child.ChildId, $"Make the change to {child.Name}'s family time take effect", Link(p), null));
    }

    /// <summary>Took effect or withdrawn: nothing is left to do about it.</summary>
    public static TaskFollowUps Closed(ChangeProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return TaskFollowUps.Completing(ChangeTaskKeys.All(p.Id));
    }

    private static TaskToAdd NextForWorker(ChangeProposal p, ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return p.Stage == ChangeStage.AwaitingCourt
            ? CourtTask(p, child)
            : new TaskToAdd(ChangeTaskKeys.Notices(p.Id), TaskKind.SendNotices, child.SocialWorkerId, child.ChildId,
                $"The IRO agreed the change to {child.Name}'s family time: send the notices", Link(p), null);
    }

    private static TaskToAdd CourtTask(ChangeProposal p, ChildContext child) =>
        new(ChangeTaskKeys.Court(p.Id), TaskKind.CourtAgreement, child.SocialWorkerId, child.ChildId,
            $"Record the family court's agreement to the change to {child.Name}'s family time", Link(p), null);

    private static string Link(ChangeProposal p) => ChildLinks.Change(p.ChildId, p.Id);
}
