namespace FamilyTime.Domain.Reviews;

public enum ReviewState
{
    NotYetDue = 1,

    /// <summary>Within the warning window before its date.</summary>
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>When reviews fall due and how the worker's and manager's pages describe them.</summary>
public static class ReviewDue
{
    /// <summary>Reviews due within this many days show as "due soon".</summary>
    public const int SoonDays = 14;

    /// <summary>In a long-term home family time is reviewed at least annually, whatever the arrangement says.</summary>
    public const int LongTermMaxMonths = 12;

    public static ReviewState StateOn(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? ReviewState.Overdue : dueOn <= today.AddDays(SoonDays) ? ReviewState.DueSoon : ReviewState.NotYetDue;

    /// <summary>The longest gap allowed to the next review of an arrangement.</summary>
    public static int MaxMonths(int reviewEveryMonths, bool inLongTermHome) =>
        inLongTermHome ? Math.Min(reviewEveryMonths, LongTermMaxMonths) : reviewEveryMonths;

    /// <summary>The date a review falls due: its own date, brought forward to a year after the last in a long-term home.</summary>
    public static DateOnly DueOn(DateOnly nextReviewOn, DateOnly? lastReviewedOn, DateOnly since, bool inLongTermHome)
    {
        if (!inLongTermHome)
        {
            return nextReviewOn;
        }
        var yearAfter = (lastReviewedOn ?? since).AddMonths(LongTermMaxMonths);
        return yearAfter < nextReviewOn ? yearAfter : nextReviewOn;
    }

    /// <summary>A care order or a move to a long-term home makes the plan due for review within this many days.</summary>
    public const int AfterChangeDays = 14;

    /// <summary>
    /// Guidance section 11: "once a care order is given and a child is placed in a long term fostering or residential
    /// placement, contact should again be reviewed". The later of the two, when it came after the child came into care
    /// (a plan made on the day already took it into account) and no review of the plan has been held since; else null.
    /// </summary>
    public static (DateOnly On, string What)? ChangeNeedingReview(DateOnly? careOrderSince, DateOnly? longTermSince, DateOnly cameIntoCareOn, DateOnly? lastPlanReview)
    {
        (DateOnly On, string What)? latest = null;
        if (careOrderSince is { } order && order > cameIntoCareOn)
        {
            latest = (order, "a care order was made");
        }
        if (longTermSince is { } move && move > cameIntoCareOn && (latest is null || move > latest.Value.On))
        {
            latest = (move, "the child moved to a long-term home");
        }
        return latest is { } l && (lastPlanReview is not { } held || held < l.On) ? latest : null;
    }

    /// <summary>The plan's review date, brought forward to <see cref="AfterChangeDays"/> after such a change.</summary>
    public static DateOnly DueAfterChange(DateOnly dueOn, DateOnly changedOn)
    {
        var after = changedOn.AddDays(AfterChangeDays);
        return after < dueOn ? after : dueOn;
    }
}
