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
}
