using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Reviews;

namespace FamilyTime.UnitTests.Reviews;

/// <summary>
/// Issue 10, items 14 and 7: a review records who took part (and why the child did not), progress towards less
/// supervision for supervised or assessed family time, and a care order or a move to a long-term home makes it due.
/// </summary>
public class ReviewMustsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Signature By = new("sw-1", "Sam Worker", new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc));

    private static (ReviewRecord? Review, FamilyTime.Domain.Common.ValidationErrors Errors) Complete(ReviewParticipation took, bool supervised = false, string? progress = null) =>
        ReviewRecord.Complete(Guid.NewGuid(), null, Today, Today, "Family time continues.", Today.AddMonths(6), 12, By, Today, took, supervised, progress);

    [Fact]
    public void Review_records_who_took_part()
    {
        var (review, errors) = Complete(new ReviewParticipation(true, null, true, false, "  the IRO, Nan  "));
        Assert.True(errors.IsValid);
        Assert.True(review!.ChildTookPart);
        Assert.True(review.CarersTookPart);
        Assert.False(review.ParentsTookPart);
        Assert.Equal("the IRO, Nan", review.OthersTookPart);
        Assert.Equal("the child, the carers and the IRO, Nan", review.Participation.Describe());
    }

    [Fact]
    public void Review_without_the_child_says_why()
    {
        var (_, errors) = Complete(new ReviewParticipation(false, " ", true, true, null));
        Assert.Contains("why the child did not take part", errors.ByField["ChildNotWhy"][0], StringComparison.Ordinal);
        var (review, ok) = Complete(new ReviewParticipation(false, "Ava is 2; her carers shared how she is before and after family time.", true, true, null));
        Assert.True(ok.IsValid);
        Assert.Equal("Ava is 2; her carers shared how she is before and after family time.", review!.ChildNotWhy);
    }

    [Fact]
    public void Review_with_the_child_keeps_no_reason_for_their_absence()
    {
        var (review, _) = Complete(new ReviewParticipation(true, "stale reason", false, false, null));
        Assert.Null(review!.ChildNotWhy);
    }

    [Fact]
    public void Review_of_supervised_or_assessed_family_time_records_progress_towards_less_supervision()
    {
        var took = new ReviewParticipation(true, null, true, true, null);
        Assert.Contains("progress", Complete(took, supervised: true).Errors.ByField["SupervisionProgress"][0], StringComparison.Ordinal);
        var (review, errors) = Complete(took, supervised: true, "Mum has kept every session since June; moving to facilitated from January.");
        Assert.True(errors.IsValid);
        Assert.Equal("Mum has kept every session since June; moving to facilitated from January.", review!.SupervisionProgress);
        // Nothing to record where nothing is supervised or assessed.
        Assert.True(Complete(took).Errors.IsValid);
        Assert.Null(Complete(took, supervised: false, "ignored").Review!.SupervisionProgress);
    }

    private static readonly DateOnly CameIntoCare = new(2026, 3, 2);

    [Fact]
    public void A_care_order_makes_the_plan_review_due()
    {
        var order = new DateOnly(2026, 11, 10);
        var change = ReviewDue.ChangeNeedingReview(order, null, CameIntoCare, lastPlanReview: null);
        Assert.Equal((order, "a care order was made"), change);
        Assert.Equal(order.AddDays(ReviewDue.AfterChangeDays), ReviewDue.DueAfterChange(new DateOnly(2027, 3, 1), order));
        // An earlier review date stays.
        Assert.Equal(new DateOnly(2026, 11, 12), ReviewDue.DueAfterChange(new DateOnly(2026, 11, 12), order));
    }

    [Fact]
    public void A_move_to_a_long_term_home_makes_the_plan_review_due()
    {
        var move = new DateOnly(2026, 10, 1);
        Assert.Equal((move, "the child moved to a long-term home"), ReviewDue.ChangeNeedingReview(new DateOnly(2026, 6, 1), move, CameIntoCare, new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void A_review_held_since_the_care_order_or_move_satisfies_it()
    {
        Assert.Null(ReviewDue.ChangeNeedingReview(new DateOnly(2026, 6, 1), null, CameIntoCare, new DateOnly(2026, 6, 10)));
        Assert.Null(ReviewDue.ChangeNeedingReview(null, new DateOnly(2026, 6, 1), CameIntoCare, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void A_care_order_or_long_term_home_from_the_first_day_in_care_needs_no_second_review()
    {
        Assert.Null(ReviewDue.ChangeNeedingReview(CameIntoCare, CameIntoCare, CameIntoCare, null));
    }
}
