using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>
/// Issue 10's musts for one arrangement: the child is always asked (3b), a route to less supervision (7), where
/// family time happens (10) and who supervises (11).
/// </summary>
public class ArrangementRulesTests
{
    private static string[] Problems(ArrangementDetails d, PlanContext? c = null) => Fields(d.Validate(c ?? Context()));

    private static PlanContext WithTrained(params string[] workers) =>
        Context() with { TrainedToAssess = workers.ToHashSet() };

    // 3b: the child's wishes, or why they could not be asked.

    [Fact]
    public void The_childs_wishes_are_required_or_a_reason_why_they_could_not_be_asked()
    {
        var errors = (Arrangement() with { ChildsWishes = "  " }).Validate(Context());
        Assert.Equal(["ChildsWishes"], Fields(errors));
        Assert.Equal("Write what Mara says they want, or choose why they could not be asked", errors.ByField["ChildsWishes"][0]);
    }

    [Theory]
    [InlineData(WishesNotAsked.TooYoung)]
    [InlineData(WishesNotAsked.Declined)]
    public void Too_young_or_declined_is_a_recorded_reason_for_no_wishes(WishesNotAsked why) =>
        Assert.Empty(Problems(Arrangement() with { ChildsWishes = null, WishesNotAsked = why }));

    [Fact]
    public void Another_reason_for_not_asking_the_child_needs_words()
    {
        Assert.Equal(["WishesNotAskedWhy"], Problems(Arrangement() with { ChildsWishes = null, WishesNotAsked = WishesNotAsked.Other }));
        Assert.Empty(Problems(Arrangement() with { ChildsWishes = null, WishesNotAsked = WishesNotAsked.Other, WishesNotAskedWhy = "Mara was in hospital when the plan was made" }));
    }

    [Fact]
    public void An_unknown_reason_for_not_asking_is_refused() =>
        Assert.Equal(["ChildsWishes"], Problems(Arrangement() with { ChildsWishes = null, WishesNotAsked = (WishesNotAsked)9 }));

    [Fact]
    public void Wishes_written_down_keep_no_reason_for_not_asking()
    {
        var (added, _) = Draft().AddArrangement(Arrangement() with { WishesNotAsked = WishesNotAsked.Declined }, Context(), null, Worker);
        Assert.Null(added!.WishesNotAsked);
        Assert.NotNull(added.ChildsWishes);
    }

    // 7: a route to less supervision.

    [Theory]
    [InlineData(ArrangementType.Supervised)]
    [InlineData(ArrangementType.Assessed)]
    public void Supervised_or_assessed_family_time_says_what_would_need_to_change_and_by_when(ArrangementType type)
    {
        var errors = (Arrangement() with { Type = type, RouteToLessSupervision = " ", RouteToLessSupervisionBy = null }).Validate(Context());
        Assert.Equal(["RouteToLessSupervision", "RouteToLessSupervisionBy"], Fields(errors));
        Assert.Contains("the parent reads this in their letter", errors.ByField["RouteToLessSupervision"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_date_to_look_at_supervision_again_is_within_the_next_12_months()
    {
        Assert.Equal(["RouteToLessSupervisionBy"], Problems(Arrangement() with { RouteToLessSupervisionBy = Today.AddDays(-1) }));
        Assert.Equal(["RouteToLessSupervisionBy"], Problems(Arrangement() with { RouteToLessSupervisionBy = Today.AddMonths(12).AddDays(1) }));
        Assert.Empty(Problems(Arrangement() with { RouteToLessSupervisionBy = Today }));
        Assert.Empty(Problems(Arrangement() with { RouteToLessSupervisionBy = Today.AddMonths(12) }));
    }

    [Theory]
    [InlineData(ArrangementType.Facilitated)]
    [InlineData(ArrangementType.Unsupervised)]
    public void Facilitated_or_unsupervised_family_time_needs_and_keeps_no_route_to_less_supervision(ArrangementType type)
    {
        var details = Arrangement() with { Type = type, ReasonForSupervision = null };
        Assert.Empty(Problems(details with { RouteToLessSupervision = null, RouteToLessSupervisionBy = null }));
        var (added, _) = Draft().AddArrangement(details, Context(), null, Worker);
        Assert.Null(added!.RouteToLessSupervision);
        Assert.Null(added.RouteToLessSupervisionBy);
    }

    // 10: where family time happens.

    [Theory]
    [InlineData(FamilyTimePlace.FamilyHome)]
    [InlineData(FamilyTimePlace.CarersHome)]
    public void Family_time_can_happen_at_the_family_home_or_the_carers_home_without_a_venue_room(FamilyTimePlace place)
    {
        var details = Arrangement() with { Place = place, VenueId = null, RoomId = null };
        Assert.Empty(Problems(details));
        var (added, _) = Draft().AddArrangement(details with { VenueId = FamilyCentre, RoomId = BlueRoom }, Context(), null, Worker);
        Assert.Equal(place, added!.Place);
        Assert.Null(added.RoomId);
    }

    [Fact]
    public void A_place_in_the_community_is_named()
    {
        var community = Arrangement() with { Place = FamilyTimePlace.Community, VenueId = null, RoomId = null };
        Assert.Equal(["PlaceDescription"], Problems(community));
        Assert.Empty(Problems(community with { PlaceDescription = "The café at Riverside Park" }));
    }

    [Fact]
    public void A_venue_still_needs_its_room() =>
        Assert.Equal(["RoomId"], Problems(Arrangement() with { Place = FamilyTimePlace.Venue, RoomId = null }));

    [Fact]
    public void A_carers_home_is_never_named_or_placed_for_a_parent()
    {
        Assert.Equal("The carer’s home", ArrangementWords.PlaceForFamily(FamilyTimePlace.CarersHome, "14 Elm Road, Northbridge"));
        Assert.Equal("The café at Riverside Park", ArrangementWords.PlaceForFamily(FamilyTimePlace.Community, "The café at Riverside Park"));
        Assert.Null(ArrangementWords.PlaceForFamily(FamilyTimePlace.Venue, null));
    }

    // 11: who supervises.

    [Fact]
    public void Assessed_family_time_needs_a_worker_trained_to_assess()
    {
        var assessed = Arrangement() with { Type = ArrangementType.Assessed, SupervisorId = "cw-untrained" };
        Assert.Equal(["SupervisorId"], Problems(assessed, WithTrained("cw-trained")));
        Assert.Empty(Problems(assessed with { SupervisorId = "cw-trained" }, WithTrained("cw-trained")));
        Assert.Equal(["SupervisorId"], Problems(assessed with { SupervisorId = null }, WithTrained("cw-trained")));
    }

    [Theory]
    [InlineData(SupervisedBy.Carer)]
    [InlineData(SupervisedBy.FamilyMember)]
    public void Assessed_family_time_is_never_supervised_by_a_carer_or_family_member(SupervisedBy by) =>
        Assert.Equal(["SupervisorId"], Problems(Arrangement() with { Type = ArrangementType.Assessed, SupervisedBy = by, SupervisorName = "Ruth Okafor" }));

    [Theory]
    [InlineData(SupervisedBy.Carer)]
    [InlineData(SupervisedBy.FamilyMember)]
    public void A_carer_or_family_member_can_be_named_as_supervisor(SupervisedBy by)
    {
        var details = Arrangement() with { SupervisedBy = by, SupervisorName = null };
        Assert.Equal(["SupervisorName"], Problems(details));
        var (added, _) = Draft().AddArrangement(details with { SupervisorName = " Ruth Okafor " }, Context(), null, Worker);
        Assert.Equal("Ruth Okafor", added!.SupervisorName);
        Assert.Equal(by, added.SupervisedBy);
        Assert.Null(added.SupervisorId);
    }

    [Fact]
    public void The_interpreter_is_linked_to_someone_in_the_arrangement()
    {
        Assert.Equal(["InterpreterForPersonId"], Problems(Arrangement() with { InterpreterLanguage = "Yoruba" }));
        Assert.Equal(["InterpreterForPersonId"], Problems(Arrangement() with { InterpreterLanguage = "Yoruba", InterpreterForPersonId = Dad.Id }));
        Assert.Empty(Problems(Arrangement() with { InterpreterLanguage = "Yoruba", InterpreterForPersonId = Mum.Id }));
    }

    [Fact]
    public void Someone_who_needs_an_interpreter_has_one_linked_to_them_in_the_language_on_their_record()
    {
        var mum = Mum with { NeedsInterpreterFor = "Yoruba" };
        var context = Context(people: [mum, Dad, Brother, Grandma]);
        var errors = Arrangement().Validate(context);
        Assert.Equal(["InterpreterForPersonId"], Fields(errors));
        Assert.Equal("Grace Okafor needs an interpreter for Yoruba: choose them under “Interpreter for”", errors.ByField["InterpreterForPersonId"][0]);

        var (added, result) = Draft(context).AddArrangement(Arrangement() with { InterpreterForPersonId = Mum.Id }, context, null, Worker);
        Assert.True(result.IsValid);
        Assert.Equal("Yoruba", added!.InterpreterLanguage);
        Assert.Equal(Mum.Id, added.InterpreterForPersonId);
    }

    [Theory]
    [InlineData(6, ArrangementType.Supervised, "The social worker attends at least one session in 6: put the dates in your diary.")]
    [InlineData(4, ArrangementType.Facilitated, "The social worker attends at least one session in 4: put the dates in your diary.")]
    [InlineData(1, ArrangementType.Assessed, "The social worker attends every session.")]
    public void The_social_worker_attends_at_least_one_session_in_N_is_prompted(int oneIn, ArrangementType type, string prompt) =>
        Assert.Equal(prompt, new PlanSettings { SocialWorkerAttendsOneIn = oneIn }.SocialWorkerPrompt(type, faceToFace: true)?.Text);

    [Fact]
    public void No_social_worker_prompt_where_no_worker_attends()
    {
        Assert.Null(new PlanSettings().SocialWorkerPrompt(ArrangementType.Unsupervised, true));
        Assert.Null(new PlanSettings().SocialWorkerPrompt(ArrangementType.Supervised, false));
    }
}
