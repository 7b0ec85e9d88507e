using FamilyTime.Domain.Records;

namespace FamilyTime.UnitTests;

/// <summary>Feedback reaches the person who can act on it.</summary>
public class FeedbackRoutingTests
{
    private static readonly FeedbackPeople Everyone = new("sw", ["tm1", "tm2"], ["co1", "co2"]);

    [Fact]
    public void A_complaint_about_a_session_goes_to_the_childs_team_manager() =>
        Assert.Equal("tm1", FeedbackRouting.RouteTo(FeedbackKind.Complaint, aboutAChild: true, Everyone));

    [Fact]
    public void A_complaint_goes_to_the_social_worker_when_the_team_has_no_manager() =>
        Assert.Equal("sw", FeedbackRouting.RouteTo(FeedbackKind.Complaint, aboutAChild: true, Everyone with { TeamManagerIds = [] }));

    [Theory]
    [InlineData(FeedbackKind.Comment)]
    [InlineData(FeedbackKind.Compliment)]
    public void Comments_and_compliments_about_a_session_go_to_the_social_worker(FeedbackKind kind) =>
        Assert.Equal("sw", FeedbackRouting.RouteTo(kind, aboutAChild: true, Everyone));

    [Fact]
    public void A_venue_concern_goes_to_the_first_coordinator_of_the_venues_area_even_from_a_session() =>
        Assert.Equal("co1", FeedbackRouting.RouteTo(FeedbackKind.VenueConcern, aboutAChild: true, Everyone));

    [Fact]
    public void A_venue_concern_in_an_area_without_a_coordinator_is_kept_unrouted() =>
        Assert.Null(FeedbackRouting.RouteTo(FeedbackKind.VenueConcern, aboutAChild: false, Everyone with { AreaCoordinatorIds = [] }));

    [Theory]
    [InlineData(FeedbackKind.Comment)]
    [InlineData(FeedbackKind.Compliment)]
    [InlineData(FeedbackKind.Complaint)]
    public void Feedback_about_a_venue_alone_goes_to_the_coordinator(FeedbackKind kind) =>
        Assert.Equal("co1", FeedbackRouting.RouteTo(kind, aboutAChild: false, new FeedbackPeople(null, [], ["co1"])));

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackRouting.RouteTo((FeedbackKind)99, aboutAChild: true, Everyone));

    [Theory]
    [InlineData(true, false, false, FeedbackFrom.Parent)]
    [InlineData(true, false, true, FeedbackFrom.Parent)]
    [InlineData(false, true, false, FeedbackFrom.Carer)]
    [InlineData(false, true, true, FeedbackFrom.Carer)]
    [InlineData(false, false, false, FeedbackFrom.Staff)]
    [InlineData(false, false, true, FeedbackFrom.Child)]
    public void Who_it_is_from_follows_the_givers_role(bool parent, bool carer, bool childsWords, FeedbackFrom expected) =>
        Assert.Equal(expected, FeedbackRouting.FromRole(parent, carer, childsWords));

    [Fact]
    public void A_young_person_giving_feedback_speaks_as_the_child_not_as_staff() =>
        Assert.Equal(FeedbackFrom.Child, FeedbackRouting.FromRole(isParent: false, isCarer: false, childsOwnWords: false, isYoungPerson: true));
}
