using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;

namespace FamilyTime.Domain.Reviews;

/// <summary>
/// A completed review of one arrangement, or of the whole plan (no arrangement): when it was held, what it
/// decided, and when the next one falls due. The date on the arrangement or plan moves on with it.
/// </summary>
public sealed class ReviewRecord
{
    private ReviewRecord() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid? ArrangementId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Outcome { get; private set; } = "";
    public DateOnly NextReviewOn { get; private set; }
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>Who took part: the child (or why not), the carers, the parents, anyone else.</summary>
    public bool ChildTookPart { get; private set; }
    public string? ChildNotWhy { get; private set; }
    public bool CarersTookPart { get; private set; }
    public bool ParentsTookPart { get; private set; }
    public string? OthersTookPart { get; private set; }

    /// <summary>
    /// Progress against each supervised or assessed arrangement's route to less supervision (issue 10, item 7): what
    /// has changed and what is still needed, arrangement by arrangement, in the worker's words.
    /// The review form shows each arrangement's route beside this answer.
    /// </summary>
    public string? SupervisionProgress { get; private set; }

    public ReviewParticipation Participation => new(ChildTookPart, ChildNotWhy, CarersTookPart, ParentsTookPart, OthersTookPart);

    public bool IsPlanReview => ArrangementId is null;

    /// <summary>
    /// Checks and makes the record. In a long-term home a review is at least yearly, so the next date is at most
    /// 12 months after this one; elsewhere the arrangement's own frequency is the limit.
    /// </summary>
    public static (ReviewRecord? Review, ValidationErrors Errors) Complete(
        Guid childId, Guid? arrangementId, DateOnly dueOn, DateOnly? heldOn, string? outcome, DateOnly? nextReviewOn,
        int maxMonths, Signature by, DateOnly today, ReviewParticipation took, bool supervisedOrAssessed, string? supervisionProgress)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(took);
        var errors = new ValidationErrors();
        if (heldOn is not { } held)
        {
            errors.Add("HeldOn", "Enter the date the review was held");
        }
        else if (held > today)
        {
            errors.Add("HeldOn", "The review's date must be today or earlier");
        }
        errors.Required("Outcome", outcome, "Say what the review decided: what continues, what changes and why");
        errors.MaxLength("Outcome", outcome, ArrangementDetails.LongText, "The outcome");
        if (nextReviewOn is not { } next)
        {
            errors.Add("NextReviewOn", "Enter the date of the next review");
        }
        else if (heldOn is { } h && next <= h)
        {
            errors.Add("NextReviewOn", "The next review must be after this one");
        }
        else if (heldOn is { } h2 && next > h2.AddMonths(maxMonths))
        {
            errors.Add("NextReviewOn", maxMonths == 12
                ? "Family time is reviewed at least once a year: choose a date within 12 months of this review"
                : $"This family time is reviewed every {maxMonths} months: choose a date within {maxMonths} months of this review");
        }
        took.Validate(errors);
        if (supervisedOrAssessed)
        {
            errors.Required("SupervisionProgress", supervisionProgress,
                "Say what progress has been made towards less supervision for each supervised or assessed arrangement, and what is still needed");
        }
        errors.MaxLength("SupervisionProgress", supervisionProgress, ArrangementDetails.LongText, "The progress towards less supervision");
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new ReviewRecord
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            ArrangementId = arrangementId,
            DueOn = dueOn,
            HeldOn = heldOn!.Value,
            Outcome = outcome!.Trim(),
            NextReviewOn = nextReviewOn!.Value,
            RecordedById = by.UserId,
            RecordedByName = by.Name,
            RecordedAt = by.At,
            ChildTookPart = took.Child,
            // A reason is kept only when the child did not take part: a ticked box and a stale reason would disagree.
            ChildNotWhy = took.Child ? null : Text.Clean(took.ChildNotWhy),
            CarersTookPart = took.Carers,
            ParentsTookPart = took.Parents,
            OthersTookPart = Text.Clean(took.Others),
            SupervisionProgress = supervisedOrAssessed ? Text.Clean(supervisionProgress) : null,
        }, errors);
    }
}
