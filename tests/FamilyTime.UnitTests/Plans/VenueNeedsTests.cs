using FamilyTime.Domain.Changes;
using FamilyTime.Domain.Plans;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

/// <summary>
/// What an arrangement asks of its venue: step-free access, and "this venue only", which needs a venue. Both are
/// practical arrangements, so changing them is a minor change of the plan.
/// </summary>
public class VenueNeedsTests
{
    private static string[] Problems(ArrangementDetails d) => Fields(d.Validate(Context()));

    [Fact]
    public void Step_free_access_and_this_venue_only_are_kept_on_the_arrangement()
    {
        var (added, result) = Draft().AddArrangement(Arrangement() with { NeedsStepFreeAccess = true, VenueFixed = true }, Context(), null, Worker);
        Assert.True(result.IsValid);
        Assert.True(added!.NeedsStepFreeAccess);
        Assert.True(added.VenueFixed);
        Assert.True(added.ToDetails().NeedsStepFreeAccess);
        Assert.True(added.ToDetails().VenueFixed);
    }

    [Fact]
    public void Neither_is_asked_unless_ticked()
    {
        var (added, _) = Draft().AddArrangement(Arrangement(), Context(), null, Worker);
        Assert.False(added!.NeedsStepFreeAccess);
        Assert.False(added.VenueFixed);
    }

    [Fact]
    public void This_venue_only_without_a_venue_is_an_error_on_its_field()
    {
        var errors = (Arrangement() with { VenueFixed = true, VenueId = null, RoomId = null }).Validate(Context());
        Assert.Equal(["RoomId", "VenueFixed"], Fields(errors));
        Assert.Equal("Choose the venue family time must be at, or untick “Family time must be at this venue”", errors.ByField["VenueFixed"][0]);
    }

    [Fact]
    public void This_venue_only_in_the_community_is_an_error_on_its_field() =>
        Assert.Equal(["VenueFixed"], Problems(Arrangement() with
        {
            VenueFixed = true, Place = FamilyTimePlace.Community, PlaceDescription = "The café at Riverside Park", VenueId = null, RoomId = null,
        }));

    [Fact]
    public void Step_free_access_needs_no_venue_to_be_valid() =>
        Assert.Empty(Problems(Arrangement() with { NeedsStepFreeAccess = true }));

    [Fact]
    public void Family_time_not_at_a_venue_keeps_neither()
    {
        var (added, result) = Draft().AddArrangement(VideoCalls() with { NeedsStepFreeAccess = true, VenueFixed = true }, Context(), null, Worker);
        Assert.True(result.IsValid);
        Assert.False(added!.NeedsStepFreeAccess);
        Assert.False(added.VenueFixed);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Asking_for_step_free_access_or_this_venue_only_is_a_minor_change(bool stepFree, bool venueFixed)
    {
        var before = Arrangement();
        var after = before with { NeedsStepFreeAccess = stepFree, VenueFixed = venueFixed };
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(before, after));
        Assert.Equal(ChangeKinds.None, MajorChanges.Between(after, before));
    }

    [Fact]
    public void The_words_for_staff_and_family_name_no_place()
    {
        Assert.Null(ArrangementWords.VenueNeeds(false, false));
        Assert.Equal("Step-free access", ArrangementWords.VenueNeeds(true, false));
        Assert.Equal("At this venue only", ArrangementWords.VenueNeeds(false, true));
        Assert.Equal("Step-free access; at this venue only", ArrangementWords.VenueNeeds(true, true));
    }
}
