using FamilyTime.Domain.Common;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>Writing the plan before it is agreed: arrangements and reasons for no family time.</summary>
public class ContactPlanDraftTests
{
    [Fact]
    public void A_draft_arrangement_needs_no_change_reason_and_makes_no_version()
    {
        var plan = Draft();

        var (added, errors) = plan.AddArrangement(Arrangement(), Context(), null, Worker);

        Assert.True(errors.IsValid);
        Assert.NotNull(added);
        Assert.Same(added, Assert.Single(plan.Arrangements));
        Assert.Equal(plan.Id, added.PlanId);
        Assert.Equal(plan.ChildId, added.ChildId);
        Assert.NotEqual(Guid.Empty, added.Id);
        Assert.Empty(plan.Versions);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.False(plan.HasBeenAgreed);
    }

    [Fact]
    public void A_change_given_to_a_draft_is_ignored()
    {
        var plan = Draft();

        Assert.True(plan.AddArrangement(Arrangement(), Context(), Change(null), Worker).Errors.IsValid);
        Assert.Empty(plan.Versions);
    }

    [Fact]
    public void An_invalid_arrangement_is_not_added()
    {
        var plan = Draft();

        var (added, errors) = plan.AddArrangement(Arrangement() with { DurationMinutes = 481 }, Context(), null, Worker);

        Assert.Null(added);
        Assert.Equal(["DurationMinutes"], Fields(errors));
        Assert.Empty(plan.Arrangements);
    }

    [Fact]
    public void Adding_needs_the_details_and_a_signature()
    {
        Assert.Throws<ArgumentNullException>(() => Draft().AddArrangement(null!, Context(), null, Worker));
        Assert.Throws<ArgumentNullException>(() => Draft().AddArrangement(Arrangement(), Context(), null, null!));
    }

    [Fact]
    public void A_draft_arrangement_is_changed_in_place_without_a_version()
    {
        var plan = Draft();
        var added = plan.AddArrangement(Arrangement(), Context(), null, Worker).Added!;

        var errors = plan.ChangeArrangement(added.Id, Arrangement() with { DurationMinutes = 60 }, Context(), null, Worker);

        Assert.True(errors.IsValid);
        Assert.Equal(60, Assert.Single(plan.Arrangements).DurationMinutes);
        Assert.Empty(plan.Versions);
    }

    [Fact]
    public void An_invalid_change_leaves_the_arrangement_as_it_was()
    {
        var plan = Draft();
        var added = plan.AddArrangement(Arrangement(), Context(), null, Worker).Added!;

        var errors = plan.ChangeArrangement(added.Id, Arrangement() with { DurationMinutes = 60, RoomId = Hall }, Context(), null, Worker);

        Assert.Equal(["RoomId"], Fields(errors));
        Assert.Equal(90, added.DurationMinutes);
        Assert.Equal(BlueRoom, added.RoomId);
    }

    [Fact]
    public void Changing_an_arrangement_not_in_the_plan_is_refused()
    {
        var plan = Draft();

        var ex = Assert.Throws<DomainRuleException>(() => plan.ChangeArrangement(Guid.NewGuid(), Arrangement(), Context(), null, Worker));
        Assert.Contains("not part of the child's plan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arrangement_of_another_plan_cannot_be_changed_through_this_one()
    {
        var other = Draft();
        var theirs = other.AddArrangement(Arrangement(), Context(), null, Worker).Added!;

        Assert.Throws<DomainRuleException>(() => Draft().ChangeArrangement(theirs.Id, Arrangement(), Context(), null, Worker));
    }
}

public class ContactPlanConsiderTests
{
    private static readonly Signature Later = new("tm-1", "Priya Shah", new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_reason_for_no_family_time_is_recorded_trimmed_with_who_and_when()
    {
        var plan = Draft();

        var errors = plan.Consider(Dad.Id, "  Dad has asked for time before deciding.  ", Context(), Worker);

        Assert.True(errors.IsValid);
        var c = Assert.Single(plan.Considerations);
        Assert.Equal(plan.Id, c.PlanId);
        Assert.Equal(Dad.Id, c.PersonId);
        Assert.Equal("Dad has asked for time before deciding.", c.Reason);
        Assert.Equal(Worker.At, c.RecordedAt);
        Assert.Equal(Worker.UserId, c.RecordedById);
        Assert.NotEqual(Guid.Empty, c.Id);
    }

    [Fact]
    public void Recording_a_reason_again_replaces_it()
    {
        var plan = Draft();
        plan.Consider(Dad.Id, "First reason", Context(), Worker);

        Assert.True(plan.Consider(Dad.Id, "Second reason", Context(), Later).IsValid);

        var c = Assert.Single(plan.Considerations);
        Assert.Equal("Second reason", c.Reason);
        Assert.Equal(Later.At, c.RecordedAt);
        Assert.Equal("tm-1", c.RecordedById);
    }

    [Fact]
    public void Only_people_on_the_child_s_record_are_considered()
    {
        var plan = Draft();

        Assert.Equal(["PersonId"], Fields(plan.Consider(Stranger, "Not known", Context(), Worker)));
        Assert.Empty(plan.Considerations);
    }

    [Fact]
    public void Someone_with_family_time_needs_no_reason_for_having_none()
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum, Dad), Context(), null, Worker);

        var errors = plan.Consider(Dad.Id, "No family time", Context(), Worker);

        Assert.Equal(["PersonId"], Fields(errors));
        Assert.Contains("already has family time", errors.ByField["PersonId"][0], StringComparison.Ordinal);
        Assert.Empty(plan.Considerations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void The_reason_is_needed(string? reason) =>
        Assert.Equal(["Reason"], Fields(Draft().Consider(Dad.Id, reason, Context(), Worker)));

    [Fact]
    public void The_reason_is_at_most_2000_characters()
    {
        var plan = Draft();
        Assert.Equal(["Reason"], Fields(plan.Consider(Dad.Id, Valid.Text(2001), Context(), Worker)));
        Assert.Empty(plan.Considerations);
        Assert.True(plan.Consider(Dad.Id, " " + Valid.Text(2000) + " ", Context(), Worker).IsValid);
    }

    [Fact]
    public void Adding_an_arrangement_with_someone_clears_the_reason_recorded_for_them()
    {
        var plan = Draft();
        plan.Consider(Dad.Id, "Not yet", Context(), Worker);
        plan.Consider(Brother.Id, "Lives abroad", Context(), Worker);

        plan.AddArrangement(Arrangement(Mum, Dad), Context(), null, Worker);

        Assert.Equal(Brother.Id, Assert.Single(plan.Considerations).PersonId);
    }

    [Fact]
    public void Changing_an_arrangement_to_include_someone_clears_their_reason()
    {
        var plan = Draft();
        var added = plan.AddArrangement(Arrangement(Mum), Context(), null, Worker).Added!;
        plan.Consider(Dad.Id, "Not yet", Context(), Worker);

        Assert.True(plan.ChangeArrangement(added.Id, Arrangement(Mum, Dad), Context(), null, Worker).IsValid);

        Assert.Empty(plan.Considerations);
    }

    [Fact]
    public void Parents_brothers_and_sisters_not_yet_considered_are_listed()
    {
        var plan = Draft();
        Assert.Equal([Mum, Dad, Brother], plan.NotYetConsidered(Context()));

        plan.AddArrangement(Arrangement(Mum), Context(), null, Worker);
        plan.Consider(Brother.Id, "Lives abroad; letters instead", Context(), Worker);

        Assert.Equal([Dad], plan.NotYetConsidered(Context()));
    }
}
