using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Reviews;

namespace FamilyTime.UnitTests.Reviews;

/// <summary>Completing a review: what must be said, and how far ahead the next one may be.</summary>
public class ReviewRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Signature By = new("sw-1", "Sam Worker", new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc));

    private static (ReviewRecord? Review, FamilyTime.Domain.Common.ValidationErrors Errors) Complete(DateOnly? held, string? outcome, DateOnly? next, int maxMonths = 12) =>
        ReviewRecord.Complete(Guid.NewGuid(), Guid.NewGuid(), Today.AddDays(-3), held, outcome, next, maxMonths, By, Today, Everyone, false, null);

    private static readonly ReviewParticipation Everyone = new(true, null, true, true, null);

    [Fact]
    public void A_complete_review_keeps_its_dates_outcome_and_who_recorded_it()
    {
        var (review, errors) = Complete(Today.AddDays(-1), "  Fortnightly family time with Mum continues at the family centre.  ", Today.AddMonths(6));
        Assert.True(errors.IsValid);
        Assert.Equal(Today.AddDays(-1), review!.HeldOn);
        Assert.Equal(Today.AddDays(-3), review.DueOn);
        Assert.Equal(Today.AddMonths(6), review.NextReviewOn);
        Assert.Equal("Fortnightly family time with Mum continues at the family centre.", review.Outcome);
        Assert.Equal("Sam Worker", review.RecordedByName);
        Assert.False(review.IsPlanReview);
    }

    [Fact]
    public void Nothing_entered_names_every_missing_answer()
    {
        var (review, errors) = Complete(null, " ", null);
        Assert.Null(review);
        Assert.Equal(["HeldOn", "NextReviewOn", "Outcome"], errors.ByField.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_review_cannot_be_held_in_the_future_nor_the_next_be_before_it()
    {
        Assert.Contains("today or earlier", Complete(Today.AddDays(1), "x", Today.AddMonths(2)).Errors.ByField["HeldOn"][0], StringComparison.Ordinal);
        Assert.Contains("after this one", Complete(Today, "x", Today).Errors.ByField["NextReviewOn"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_review_is_at_most_a_year_away_in_a_long_term_home()
    {
        Assert.True(Complete(Today, "x", Today.AddMonths(12)).Errors.IsValid);
        var refused = Complete(Today, "x", Today.AddMonths(12).AddDays(1)).Errors.ByField["NextReviewOn"][0];
        Assert.Equal("Family time is reviewed at least once a year: choose a date within 12 months of this review", refused);
    }

    [Fact]
    public void The_next_review_follows_the_arrangements_own_frequency()
    {
        Assert.True(Complete(Today, "x", Today.AddMonths(3), maxMonths: 3).Errors.IsValid);
        Assert.Equal("This family time is reviewed every 3 months: choose a date within 3 months of this review",
            Complete(Today, "x", Today.AddMonths(3).AddDays(1), maxMonths: 3).Errors.ByField["NextReviewOn"][0]);
    }
}
