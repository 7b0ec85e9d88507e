using FamilyTime.Domain.Children;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class ContactPlanAgreeTests
{
    [Fact]
    public void Agreeing_makes_version_1_signed_and_looking_12_months_ahead()
    {
        var (plan, saturdays, calls) = Agreed();

        Assert.True(plan.HasBeenAgreed);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal(1, plan.AgreedVersion);
        Assert.Equal(Today, plan.AgreedOn);
        Assert.Equal(D(2027, 11, 23), plan.HorizonEndsOn);
        var v = Assert.Single(plan.Versions);
        Assert.Equal(1, v.Number);
        Assert.Equal(plan.Id, v.PlanId);
        Assert.Equal(Worker.At, v.AgreedAt);
        Assert.Equal(Worker.UserId, v.AgreedById);
        Assert.Equal(Worker.Name, v.AgreedByName);
        Assert.Null(v.ChangeReason);
        Assert.Null(v.CourtAgreedOn);
        Assert.Null(v.CourtReference);
        Assert.Contains(saturdays.Id.ToString(), v.Snapshot, StringComparison.Ordinal);
        Assert.Contains(calls.Id.ToString(), v.Snapshot, StringComparison.Ordinal);
        Assert.Contains("Every week on Saturday, 10:00 to 11:30", v.Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_parent_brother_and_sister_needs_an_arrangement_or_a_reason()
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum), Context(), null, Worker);

        var errors = plan.Agree(Context(), Worker);

        Assert.Equal(["Considered"], Fields(errors));
        var messages = errors.ByField["Considered"];
        Assert.Equal(2, messages.Length);
        Assert.Contains(messages, m => m.Contains("Daniel Okafor", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Tobi Okafor", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Ruth Okafor", StringComparison.Ordinal)); // a grandparent may be left out
        Assert.False(plan.HasBeenAgreed);
        Assert.Empty(plan.Versions);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void A_recorded_reason_counts_as_considered()
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum), Context(), null, Worker);
        plan.Consider(Dad.Id, "Dad has not been in touch; the worker will write to him", Context(), Worker);
        plan.Consider(Brother.Id, "Tobi does not want to yet", Context(), Worker);

        Assert.True(plan.Agree(Context(), Worker).IsValid);
        Assert.Equal(1, plan.AgreedVersion);
    }

    [Fact]
    public void A_plan_of_reasons_only_may_be_agreed()
    {
        var plan = Draft(Context(people: [Mum]));
        plan.Consider(Mum.Id, "Mum is in hospital; we will look again in a month", Context(people: [Mum]), Worker);

        Assert.True(plan.Agree(Context(people: [Mum]), Worker).IsValid);
    }

    [Fact]
    public void An_empty_plan_cannot_be_agreed_even_with_no_one_to_consider()
    {
        var plan = Draft(Context(people: [Grandma]));

        var errors = plan.Agree(Context(people: [Grandma]), Worker);

        Assert.Equal(["Arrangements"], Fields(errors));
        Assert.False(plan.HasBeenAgreed);
    }

    [Fact]
    public void A_plan_is_agreed_once_and_changes_are_agreed_one_at_a_time()
    {
        var (plan, _, _) = Agreed();

        var errors = plan.Agree(Context(), Worker);

        Assert.Equal([""], Fields(errors));
        Assert.Contains("already agreed", errors.ByField[""][0], StringComparison.Ordinal);
        Assert.Equal(1, plan.AgreedVersion);
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Agreeing_checks_the_arrangements_again_against_the_current_legal_status()
    {
        // Drafted under a care order; the child is now accommodated under section 20 and supervision needs an exception.
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum, Dad), Context(), null, Worker);
        plan.AddArrangement(VideoCalls(), Context(), null, Worker);

        var errors = plan.Agree(Context(LegalStatus.Section20), Worker);

        Assert.Equal(["Arrangements"], Fields(errors));
        var message = Assert.Single(errors.ByField["Arrangements"]);
        Assert.StartsWith("The arrangement with Grace Okafor and Daniel Okafor: ", message, StringComparison.Ordinal);
        Assert.Contains("section 20", message, StringComparison.Ordinal);
        Assert.False(plan.HasBeenAgreed);

        Assert.True(plan.Agree(Context(LegalStatus.Section20, exception: true), Worker).IsValid);
    }

    [Theory]
    [InlineData(LegalStatus.SpecialGuardianshipOrder)]
    [InlineData(LegalStatus.ChildArrangementsOrder)]
    [InlineData(LegalStatus.LeftCare)]
    public void A_plan_is_not_agreed_once_the_authority_no_longer_arranges_family_time(LegalStatus status)
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum, Dad), Context(), null, Worker);
        plan.AddArrangement(VideoCalls(), Context(), null, Worker);

        var errors = plan.Agree(Context(status), Worker);

        Assert.Equal([""], Fields(errors));
        Assert.False(plan.HasBeenAgreed);
    }

    [Fact]
    public void A_room_no_longer_on_offer_stops_agreement()
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum, Dad), Context(), null, Worker);
        plan.AddArrangement(VideoCalls(), Context(), null, Worker);

        var errors = plan.Agree(Context() with { Rooms = [new VenueRoomChoice(ChildrensCentre, Hall)] }, Worker);

        Assert.Equal(["Arrangements"], Fields(errors));
        Assert.Contains("not available", errors.ByField["Arrangements"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_taken_off_the_record_is_named_as_no_longer_on_it()
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Grandma), Context(), null, Worker);
        plan.AddArrangement(Arrangement(Mum, Dad, Brother), Context(), null, Worker);
        var withoutGrandma = Context(people: [Mum, Dad, Brother]);

        var errors = plan.Agree(withoutGrandma, Worker);

        var message = Assert.Single(errors.ByField["Arrangements"]);
        Assert.StartsWith("The arrangement with someone no longer on the record: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_every_arrangement_is_listed_by_its_people()
    {
        var plan = Draft();
        plan.AddArrangement(Arrangement(Mum), Context(), null, Worker);
        plan.AddArrangement(Arrangement(Dad), Context(), null, Worker);
        plan.AddArrangement(VideoCalls(Brother), Context(), null, Worker);

        // Later: section 20, and the Blue Room has closed: Mum's and Dad's arrangements each have two problems.
        var errors = plan.Agree(Context(LegalStatus.Section20) with { Rooms = [new VenueRoomChoice(FamilyCentre, GreenRoom)] }, Worker);

        var messages = errors.ByField["Arrangements"];
        Assert.Equal(4, messages.Length);
        Assert.Equal(2, messages.Count(m => m.StartsWith("The arrangement with Grace Okafor: ", StringComparison.Ordinal)));
        Assert.Equal(2, messages.Count(m => m.StartsWith("The arrangement with Daniel Okafor: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Agreeing_needs_the_context_and_a_signature()
    {
        Assert.Throws<ArgumentNullException>(() => Draft().Agree(null!, Worker));
        Assert.Throws<ArgumentNullException>(() => Draft().Agree(Context(), null!));
    }
}
