using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Changes;

/// <summary>What a proposal changes about agreed family time; a change of several kinds ticks several.</summary>
[Flags]
public enum ChangeKinds
{
    None = 0,
    Frequency = 1,
    Venue = 2,
    Supervision = 4,
    Ending = 8,
    Other = 16,

    /// <summary>Shorter sessions: less family time, so a reduction (issue 10, item 4).</summary>
    Duration = 32,

    /// <summary>A school-age child's session moved into school hours.</summary>
    SchoolHours = 64,
}

/// <summary>The IRO's answer to a proposed change.</summary>
public enum IroDecision
{
    None = 0,

    /// <summary>A child in care review will be convened to consider the change, on a date.</summary>
    ReviewConvened = 1,

    /// <summary>Agreed without a review, with reasons that go on the child's file.</summary>
    AgreedWithoutReview = 2,
}

/// <summary>Where a proposal stands: each step must be taken before the next.</summary>
public enum ChangeStage
{
    AwaitingIro = 1,
    AwaitingReview = 2,
    AwaitingCourt = 3,
    AwaitingNotices = 4,
    ReadyToTakeEffect = 5,
    Effective = 6,
    NotAgreed = 7,
    Withdrawn = 8,
}

/// <summary>
/// A major change to agreed family time (guidance section 11): the social worker proposes it with reasons; the IRO
/// is told and decides whether a child in care review is needed; in care proceedings the family court agrees
/// first; notices go to the parents, carers and the child; only then does the change take effect. Every step keeps
/// who took it and when, and each refuses to run before the one it depends on, saying what is missing.
/// </summary>
public sealed class ChangeProposal : IVersioned
{
    private ChangeProposal() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ArrangementId { get; private set; }

    /// <summary>The arrangement's version when the change was proposed: a change made on top of another is stale.</summary>
    public int ArrangementVersion { get; private set; }
    public ChangeKinds Kinds { get; private set; }

    /// <summary>For a change (not an ending), the arrangement as it will be, as JSON the workflow reads back.</summary>
    public string? ProposedDetails { get; private set; }

    /// <summary>What changes, in words for the IRO and the notices ("from weekly to fortnightly").</summary>
    public string Summary { get; private set; } = "";
    public string Reasons { get; private set; } = "";
    public string ProposedById { get; private set; } = "";
    public string ProposedByName { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }

    /// <summary>The child was in care proceedings when the change was proposed: the court must agree.</summary>
    public bool NeedsCourt { get; private set; }
    public DateOnly? CourtAgreedOn { get; private set; }
    public string? CourtReference { get; private set; }
    public string? CourtRecordedById { get; private set; }
    public DateTime? CourtRecordedAt { get; private set; }

    public IroDecision IroDecision { get; private set; }
    public string? IroReasons { get; private set; }
    public DateOnly? ReviewOn { get; private set; }
    public string? IroId { get; private set; }
    public string? IroName { get; private set; }
    public DateTime? IroDecidedAt { get; private set; }

    /// <summary>When a review was convened: whether it agreed the change, and its note.</summary>
    public bool? ReviewAgreed { get; private set; }
    public string? ReviewNotes { get; private set; }
    public DateTime? ReviewRecordedAt { get; private set; }
    public string? ReviewRecordedById { get; private set; }

    public DateTime? NoticesSentAt { get; private set; }
    public string? NoticesSentById { get; private set; }
    public DateTime? EffectiveAt { get; private set; }
    public string? EffectiveById { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public string? WithdrawnById { get; private set; }
    public int Version { get; set; }

    public bool EndsArrangement => Kinds.HasFlag(ChangeKinds.Ending);

    public bool IsOpen => Stage is not (ChangeStage.Effective or ChangeStage.NotAgreed or ChangeStage.Withdrawn);

    /// <summary>Whether the IRO's side is settled in favour: agreed without a review, or agreed at the review.</summary>
    public bool IroAgreed => IroDecision == IroDecision.AgreedWithoutReview || (IroDecision == IroDecision.ReviewConvened && ReviewAgreed == true);

    public ChangeStage Stage =>
        WithdrawnAt is not null ? ChangeStage.Withdrawn
        : EffectiveAt is not null ? ChangeStage.Effective
        : ReviewAgreed == false ? ChangeStage.NotAgreed
        : IroDecision == IroDecision.None ? ChangeStage.AwaitingIro
        : !IroAgreed ? ChangeStage.AwaitingReview
        : NeedsCourt && CourtAgreedOn is null ? ChangeStage.AwaitingCourt
        : NoticesSentAt is null ? ChangeStage.AwaitingNotices
        : ChangeStage.ReadyToTakeEffect;

    public static (ChangeProposal? Proposal, ValidationErrors Errors) Propose(
        Guid childId, Arrangement arrangement, ChangeKinds kinds, string? proposedDetails, string? summary, string? reasons,
        bool inProceedings, Signature by, bool anotherOpen)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        if (anotherOpen)
        {
            errors.Add("", "A change to this arrangement is already under way: finish or withdraw it before proposing another");
        }
        if (arrangement.EndedOn is not null)
        {
            errors.Add("", "This arrangement has ended: there is nothing left to change");
        }
        if (kinds == ChangeKinds.None)
        {
            errors.Add("Kinds", "Say what the change is: how often, where, how it is supervised, or ending this family time");
        }
        if (kinds.HasFlag(ChangeKinds.Ending) && proposedDetails is not null)
        {
            errors.Add("Kinds", "Ending family time is a change of its own: propose the ending, or a change, not both");
        }
        if (!kinds.HasFlag(ChangeKinds.Ending) && kinds != ChangeKinds.None && proposedDetails is null)
        {
            errors.Add("Kinds", "Say what the arrangement will be after the change");
        }
        errors.Required("Reasons", reasons, "Say why family time should change: what has happened and what the child needs");
        errors.MaxLength("Reasons", reasons, ArrangementDetails.LongText, "The reasons");
        errors.MaxLength("Summary", summary, 500, "The summary");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new ChangeProposal
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            ArrangementId = arrangement.Id,
            ArrangementVersion = arrangement.Version,
            Kinds = kinds,
            ProposedDetails = proposedDetails,
            Summary = string.IsNullOrWhiteSpace(summary) ? (kinds.HasFlag(ChangeKinds.Ending) ? "End this family time" : "Change this family time") : summary.Trim(),
            Reasons = reasons!.Trim(),
            ProposedById = by.UserId,
            ProposedByName = by.Name,
            ProposedAt = by.At,
            NeedsCourt = inProceedings,
        }, errors);
    }

    public ValidationErrors DecideAsIro(IroDecision decision, string? reasons, DateOnly? reviewOn, Signature by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Open();
        if (errors.IsValid && IroDecision != IroDecision.None)
        {
            errors.Add("", $"The IRO already recorded a decision on {IroDecidedAt:d MMMM yyyy}");
        }
        if (decision == IroDecision.None || !Enum.IsDefined(decision))
        {
            errors.Add("Decision", "Choose whether a child in care review will be convened or the change is agreed without a review");
        }
        errors.Required("IroReasons", reasons, "Give the reasons for the decision: they go on the child's file");
        errors.MaxLength("IroReasons", reasons, ArrangementDetails.LongText, "The reasons");
        if (decision == IroDecision.ReviewConvened)
        {
            if (reviewOn is not { } on)
            {
                errors.Add("ReviewOn", "Enter the date of the child in care review");
            }
            else if (on < today)
            {
                errors.Add("ReviewOn", "The review's date must be today or later");
            }
        }
        if (!errors.IsValid)
        {
            return errors;
        }
        IroDecision = decision;
        IroReasons = reasons!.Trim();
        ReviewOn = decision == IroDecision.ReviewConvened ? reviewOn : null;
        IroId = by.UserId;
        IroName = by.Name;
        IroDecidedAt = by.At;
        return errors;
    }

    /// <summary>The convened review's answer: agreed lets the change go on; not agreed closes the proposal.</summary>
    public ValidationErrors RecordReview(bool? agreed, string? notes, Signature by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Open();
        if (errors.IsValid && IroDecision != IroDecision.ReviewConvened)
        {
            errors.Add("", IroDecision == IroDecision.None
                ? "The IRO has not decided yet whether a review is needed"
                : "The IRO agreed this change without a review: there is no review to record");
        }
        else if (errors.IsValid && ReviewAgreed is not null)
        {
            errors.Add("", "The review's outcome is already recorded");
        }
        else if (errors.IsValid && ReviewOn > today)
        {
            errors.Add("", $"The review is on {ReviewOn:d MMMM yyyy}: record its outcome after it has met");
        }
        if (agreed is null)
        {
            errors.Add("ReviewAgreed", "Say whether the review agreed the change");
        }
        errors.Required("ReviewNotes", notes, "Summarise what the review decided and why");
        errors.MaxLength("ReviewNotes", notes, ArrangementDetails.LongText, "The review's note");
        if (!errors.IsValid)
        {
            return errors;
        }
        ReviewAgreed = agreed;
        ReviewNotes = notes!.Trim();
        ReviewRecordedAt = by.At;
        ReviewRecordedById = by.UserId;
        return errors;
    }

    public ValidationErrors RecordCourt(DateOnly? agreedOn, string? reference, Signature by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Open();
        if (errors.IsValid && !NeedsCourt)
        {
            errors.Add("", "The child was not in care proceedings when this change was proposed: the court's agreement is not needed");
        }
        else if (errors.IsValid && CourtAgreedOn is not null)
        {
            errors.Add("", "The court's agreement is already recorded");
        }
        if (agreedOn is not { } on)
        {
            errors.Add("CourtAgreedOn", "Enter the date the family court agreed the change");
        }
        else if (on > today)
        {
            errors.Add("CourtAgreedOn", "The court's agreement must be today or earlier");
        }
        errors.Required("CourtReference", reference, "Enter the court order or hearing that agreed it");
        errors.MaxLength("CourtReference", reference, 200, "The court reference");
        if (!errors.IsValid)
        {
            return errors;
        }
        CourtAgreedOn = agreedOn;
        CourtReference = reference!.Trim();
        CourtRecordedById = by.UserId;
        CourtRecordedAt = by.At;
        return errors;
    }

    /// <summary>Notices go once the IRO (and, in proceedings, the court) has agreed: they tell the family what will happen.</summary>
    public ValidationErrors SendNotices(Signature by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Open();
        if (!errors.IsValid)
        {
            return errors;
        }
        switch (Stage)
        {
            case ChangeStage.AwaitingIro:
                return errors.Add("", "The IRO has not recorded a decision yet: notices go to the family only after the IRO agrees the change");
            case ChangeStage.AwaitingReview:
                return errors.Add("", $"A child in care review is convened for {ReviewOn:d MMMM yyyy}: record that it agreed the change before sending notices");
            case ChangeStage.AwaitingCourt:
                return errors.Add("", "The child is in care proceedings: record the family court's agreement before sending notices");
            case ChangeStage.ReadyToTakeEffect:
                return errors.Add("", $"The notices were sent on {NoticesSentAt:d MMMM yyyy}");
        }
        NoticesSentAt = by.At;
        NoticesSentById = by.UserId;
        return errors;
    }

    /// <summary>The last step: refused, with what is missing, until every step before it is recorded.</summary>
    public ValidationErrors TakeEffect(int arrangementVersion, Signature by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Open();
        if (!errors.IsValid)
        {
            return errors;
        }
        switch (Stage)
        {
            case ChangeStage.AwaitingIro:
                return errors.Add("", "The change cannot take effect yet: the IRO has not recorded a decision");
            case ChangeStage.AwaitingReview:
                return errors.Add("", $"The change cannot take effect yet: the child in care review on {ReviewOn:d MMMM yyyy} must agree it first");
            case ChangeStage.AwaitingCourt:
                return errors.Add("", "The change cannot take effect yet: the child is in care proceedings and the family court's agreement is not recorded");
            case ChangeStage.AwaitingNotices:
                return errors.Add("", "The change cannot take effect yet: send the notices to the parents, carers and the child first");
        }
        if (!EndsArrangement && arrangementVersion != ArrangementVersion)
        {
            return errors.Add("", "The arrangement has been changed since this was proposed: withdraw this proposal and propose the change again");
        }
        EffectiveAt = by.At;
        EffectiveById = by.UserId;
        return errors;
    }

    public ValidationErrors Withdraw(string? reason, Signature by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Open();
        errors.Required("WithdrawnReason", reason, "Say why the change is withdrawn");
        errors.MaxLength("WithdrawnReason", reason, ArrangementDetails.LongText, "The reason");
        if (errors.IsValid)
        {
            WithdrawnAt = by.At;
            WithdrawnReason = reason!.Trim();
            WithdrawnById = by.UserId;
        }
        return errors;
    }

    private ValidationErrors Open()
    {
        var errors = new ValidationErrors();
        return Stage switch
        {
            ChangeStage.Effective => errors.Add("", $"This change took effect on {EffectiveAt:d MMMM yyyy}: propose a new change instead"),
            ChangeStage.Withdrawn => errors.Add("", "This change was withdrawn"),
            ChangeStage.NotAgreed => errors.Add("", "The child in care review did not agree this change"),
            _ => errors,
        };
    }
}
