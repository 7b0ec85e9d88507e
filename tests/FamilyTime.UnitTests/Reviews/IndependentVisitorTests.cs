using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Reviews;

namespace FamilyTime.UnitTests.Reviews;

/// <summary>When the Independent Visitor prompt shows (guidance section 14), and recording the decision.</summary>
public class IndependentVisitorTests
{
    private static readonly DateOnly CameIntoCare = new(2026, 3, 2);

    [Fact]
    public void The_prompt_shows_exactly_when_the_months_without_a_parent_have_passed()
    {
        Assert.Null(IndependentVisitorPrompt.DueSince(CameIntoCare, null, null, new DateOnly(2026, 6, 1), 3));
        Assert.Equal(new DateOnly(2026, 6, 2), IndependentVisitorPrompt.DueSince(CameIntoCare, null, null, new DateOnly(2026, 6, 2), 3));
        Assert.Equal(new DateOnly(2026, 6, 2), IndependentVisitorPrompt.DueSince(CameIntoCare, null, null, new DateOnly(2026, 9, 1), 3));
    }

    [Fact]
    public void Family_time_with_a_parent_starts_the_gap_again()
    {
        var lastWithMum = new DateOnly(2026, 5, 20);
        Assert.Null(IndependentVisitorPrompt.DueSince(CameIntoCare, lastWithMum, null, new DateOnly(2026, 8, 19), 3));
        Assert.Equal(new DateOnly(2026, 8, 20), IndependentVisitorPrompt.DueSince(CameIntoCare, lastWithMum, null, new DateOnly(2026, 8, 20), 3));
    }

    [Fact]
    public void A_decision_made_during_the_gap_hides_it_and_an_older_one_does_not()
    {
        var today = new DateOnly(2026, 10, 1);
        Assert.Null(IndependentVisitorPrompt.DueSince(CameIntoCare, null, new DateOnly(2026, 6, 5), today, 3));
        var lastWithDad = new DateOnly(2026, 6, 10);
        Assert.Equal(new DateOnly(2026, 9, 10), IndependentVisitorPrompt.DueSince(CameIntoCare, lastWithDad, new DateOnly(2026, 6, 5), today, 3));
    }

    [Fact]
    public void The_decision_is_recorded_either_way_with_reasons()
    {
        var by = new Signature("sw-1", "Sam Worker", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc));
        var (none, missing) = IndependentVisitorDecision.Record(Guid.NewGuid(), null, null, by, new DateOnly(2026, 10, 1));
        Assert.Null(none);
        Assert.Equal(["Reasons", "Referred"], missing.ByField.Keys.Order(StringComparer.Ordinal));
        var (notReferred, errors) = IndependentVisitorDecision.Record(Guid.NewGuid(), false, " Ava sees her grandmother weekly and does not want a visitor. ", by, new DateOnly(2026, 10, 1));
        Assert.True(errors.IsValid);
        Assert.False(notReferred!.Referred);
        Assert.Equal("Ava sees her grandmother weekly and does not want a visitor.", notReferred.Reasons);
        Assert.Equal(new DateOnly(2026, 10, 1), notReferred.DecidedOn);
    }
}
