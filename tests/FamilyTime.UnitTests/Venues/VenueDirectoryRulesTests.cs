using FamilyTime.Domain.Venues;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Venues;

/// <summary>Opening hours, closures, rooms' features and ages, and the one answer to "when can this room be used".</summary>
public class VenueDirectoryRulesTests
{
    private static readonly Guid Area = new("e0000000-0000-0000-0000-000000000002");
    private static readonly DateOnly Today = new(2026, 11, 17); // a Tuesday
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static TimeOnly T(int h, int m = 0) => new(h, m);

    private static (Venue Venue, Room Oak, Room Garden) NewVenue()
    {
        var venue = Venue.Create(new VenueDetails("Oak Lane Family Centre", "12 Oak Lane", "NB1 2BC", Area, null)).Venue!;
        var oak = venue.AddRoom("Oak Room", 6).Room!;
        var garden = venue.AddRoom("Garden Room", 8).Room!;
        Assert.True(venue.SetOpeningHours(
        [
            new(DayOfWeek.Monday, T(9), T(19)), new(DayOfWeek.Tuesday, T(9), T(19)), new(DayOfWeek.Wednesday, T(9), T(19)),
            new(DayOfWeek.Thursday, T(9), T(19)), new(DayOfWeek.Friday, T(9), T(19)), new(DayOfWeek.Saturday, T(10), T(16)),
        ]).IsValid);
        return (venue, oak, garden);
    }

    [Fact]
    public void Opening_hours_are_kept_monday_first_and_a_day_not_listed_is_closed()
    {
        var (venue, _, _) = NewVenue();
        Assert.True(venue.SetOpeningHours([new(DayOfWeek.Saturday, T(10), T(16)), new(DayOfWeek.Monday, T(9), T(17))]).IsValid);

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday], venue.OpeningHours.Select(h => h.Day));
        Assert.True(venue.IsOpenOn(DayOfWeek.Monday));
        Assert.False(venue.IsOpenOn(DayOfWeek.Tuesday));
        Assert.Null(venue.HoursOn(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(17, 9)]
    public void A_day_must_open_before_it_closes(int opens, int closes)
    {
        var (venue, _, _) = NewVenue();
        var errors = venue.SetOpeningHours([new(DayOfWeek.Monday, T(opens), T(closes)), new(DayOfWeek.Tuesday, T(9), T(17))]);

        Assert.Equal(["Monday"], Fields(errors));
        Assert.Contains("open before it closes", errors.ByField["Monday"][0], StringComparison.Ordinal);
        Assert.Equal(T(19), venue.HoursOn(DayOfWeek.Monday)!.Closes); // nothing changed
    }

    [Fact]
    public void A_day_has_at_most_one_stretch_of_opening_hours()
    {
        var (venue, _, _) = NewVenue();
        var errors = venue.SetOpeningHours([new(DayOfWeek.Friday, T(9), T(12)), new(DayOfWeek.Friday, T(13), T(17))]);

        Assert.Equal(["Friday"], Fields(errors));
        Assert.Equal(T(19), venue.HoursOn(DayOfWeek.Friday)!.Closes);
    }

    [Fact]
    public void A_room_is_open_in_the_venues_hours_for_that_weekday()
    {
        var (venue, oak, _) = NewVenue();

        Assert.Equal([new OpenWindow(T(9), T(19))], venue.OpenWindows(oak, Monday));
        Assert.Equal([new OpenWindow(T(10), T(16))], venue.OpenWindows(oak, Monday.AddDays(5)));
        Assert.Empty(venue.OpenWindows(oak, Monday.AddDays(6))); // Sunday
        Assert.Equal((540, 1140), (venue.OpenWindows(oak, Monday)[0].FromMinute, venue.OpenWindows(oak, Monday)[0].UntilMinute));
    }

    [Fact]
    public void A_venue_marked_closed_or_a_room_of_another_venue_has_no_open_windows()
    {
        var (venue, oak, _) = NewVenue();
        var (other, otherRoom, _) = NewVenue();
        Assert.Empty(venue.OpenWindows(otherRoom, Monday));

        Assert.True(venue.Update(new VenueDetails(venue.Name, venue.Address, venue.Postcode, Area, null, IsOpen: false)).IsValid);
        Assert.Empty(venue.OpenWindows(oak, Monday));
        Assert.NotEmpty(other.OpenWindows(otherRoom, Monday));
    }

    [Fact]
    public void A_closure_of_the_whole_venue_covers_every_room_on_each_day_from_first_to_last_inclusive()
    {
        var (venue, oak, garden) = NewVenue();
        var (closure, errors) = venue.AddClosure(new ClosureDetails(null, new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 1), " Christmas week "), Today);
        Assert.True(errors.IsValid);
        Assert.Equal("Christmas week", closure!.Reason);

        foreach (var room in new[] { oak, garden })
        {
            Assert.NotEmpty(venue.OpenWindows(room, new DateOnly(2026, 12, 23)));
            Assert.Empty(venue.OpenWindows(room, new DateOnly(2026, 12, 24)));
            Assert.Empty(venue.OpenWindows(room, new DateOnly(2026, 12, 29)));
            Assert.Empty(venue.OpenWindows(room, new DateOnly(2027, 1, 1)));
            Assert.NotEmpty(venue.OpenWindows(room, new DateOnly(2027, 1, 2))); // a Saturday, open 10 to 4
        }
    }

    [Fact]
    public void A_closure_of_one_room_leaves_the_other_rooms_open()
    {
        var (venue, oak, garden) = NewVenue();
        Assert.True(venue.AddClosure(new ClosureDetails(oak.Id, Monday, Monday.AddDays(4), "Repairs to the ceiling"), Today).Errors.IsValid);

        Assert.Empty(venue.OpenWindows(oak, Monday.AddDays(2)));
        Assert.Equal([new OpenWindow(T(9), T(19))], venue.OpenWindows(garden, Monday.AddDays(2)));
        Assert.True(venue.Closures.Single().Covers(Monday, oak.Id));
        Assert.False(venue.Closures.Single().Covers(Monday, garden.Id));
    }

    [Fact]
    public void A_room_is_usable_only_when_one_open_window_holds_the_whole_session()
    {
        var (venue, oak, _) = NewVenue();

        Assert.True(venue.IsUsable(oak.Id, Monday, T(9), T(10)));
        Assert.True(venue.IsUsable(oak.Id, Monday, T(17), T(19)));
        Assert.False(venue.IsUsable(oak.Id, Monday, T(18), T(19, 30)));
        Assert.False(venue.IsUsable(oak.Id, Monday, T(8, 30), T(9, 30)));
        Assert.False(venue.IsUsable(oak.Id, Monday, T(10), T(10)));
        Assert.Null(venue.WhyNotUsable(oak.Id, Monday, T(10), T(11)));
        Assert.Equal("Oak Lane Family Centre is open 09:00 to 19:00 on Mondays; 18:00 to 19:30 does not fit",
            venue.WhyNotUsable(oak.Id, Monday, T(18), T(19, 30)));
        Assert.Equal("Oak Lane Family Centre is closed on Sundays", venue.WhyNotUsable(oak.Id, Monday.AddDays(6), T(10), T(11)));
    }

    [Fact]
    public void Why_a_closed_room_cannot_be_used_names_the_closure_and_its_reason()
    {
        var (venue, oak, _) = NewVenue();
        venue.AddClosure(new ClosureDetails(oak.Id, Monday, Monday.AddDays(6), "Repairs to the ceiling"), Today);

        Assert.Equal("Oak Room at Oak Lane Family Centre is closed from 23 Nov 2026 to 29 Nov 2026: Repairs to the ceiling",
            venue.WhyNotUsable(oak.Id, Monday.AddDays(1), T(10), T(11)));
    }

    [Fact]
    public void A_closure_needs_both_dates_in_order_not_already_over_and_a_reason()
    {
        var (venue, _, _) = NewVenue();
        Assert.Equal(["From", "Reason", "Until"], Fields(venue.AddClosure(new ClosureDetails(null, null, null, " "), Today).Errors));
        Assert.Equal(["Until"], Fields(venue.AddClosure(new ClosureDetails(null, Monday, Monday.AddDays(-1), "Training day"), Today).Errors));
        Assert.Equal(["Until"], Fields(venue.AddClosure(new ClosureDetails(null, Today.AddDays(-9), Today.AddDays(-2), "Training day"), Today).Errors));
        Assert.Equal(["Reason"], Fields(venue.AddClosure(new ClosureDetails(null, Monday, Monday, new string('x', 201)), Today).Errors));
        Assert.True(venue.AddClosure(new ClosureDetails(null, Today, Today, "Training day"), Today).Errors.IsValid); // a single day, today
        Assert.Single(venue.Closures);
    }

    [Fact]
    public void A_closure_is_of_the_whole_venue_or_one_of_its_own_rooms()
    {
        var (venue, _, _) = NewVenue();
        var (_, otherRoom, _) = NewVenue();
        Assert.Equal(["RoomId"], Fields(venue.AddClosure(new ClosureDetails(otherRoom.Id, Monday, Monday, "Repairs"), Today).Errors));
        Assert.Empty(venue.Closures);
    }

    [Fact]
    public void The_same_closure_twice_is_refused_so_a_form_sent_again_is_listed_once()
    {
        var (venue, oak, _) = NewVenue();
        Assert.True(venue.AddClosure(new ClosureDetails(oak.Id, Monday, Monday.AddDays(2), "Repairs"), Today).Errors.IsValid);
        Assert.Equal(["From"], Fields(venue.AddClosure(new ClosureDetails(oak.Id, Monday, Monday.AddDays(2), "Repairs"), Today).Errors));
        Assert.True(venue.AddClosure(new ClosureDetails(null, Monday, Monday.AddDays(2), "Staff training"), Today).Errors.IsValid);
        Assert.Equal(2, venue.Closures.Count);
    }

    [Fact]
    public void A_removed_closure_no_longer_closes_the_room_and_upcoming_closures_leave_out_the_ended()
    {
        var (venue, oak, _) = NewVenue();
        var (closure, _) = venue.AddClosure(new ClosureDetails(oak.Id, Monday, Monday.AddDays(2), "Repairs"), Today);
        venue.AddClosure(new ClosureDetails(null, new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 1), "Christmas week"), Today);

        Assert.Equal(["Repairs", "Christmas week"], venue.UpcomingClosures(Today).Select(c => c.Reason));
        Assert.Equal(["Christmas week"], venue.UpcomingClosures(Monday.AddDays(3)).Select(c => c.Reason));
        Assert.Same(closure, venue.RemoveClosure(closure!.Id));
        Assert.Null(venue.RemoveClosure(closure.Id));
        Assert.NotEmpty(venue.OpenWindows(oak, Monday));
    }

    [Fact]
    public void A_room_keeps_its_features_capacity_and_ages()
    {
        var (venue, oak, _) = NewVenue();
        var errors = venue.ChangeRoom(oak.Id, new RoomDetails(" Baby Room ", 4, RoomFeatures.BabyChange | RoomFeatures.FamilyFriendly, 0, 2));

        Assert.True(errors.IsValid);
        Assert.Equal(("Baby Room", 4, 0, 2), (oak.Name, oak.Capacity, oak.SuitsFromAge, oak.SuitsToAge));
        Assert.True(oak.Has(RoomFeatures.BabyChange));
        Assert.True(oak.Has(RoomFeatures.BabyChange | RoomFeatures.FamilyFriendly));
        Assert.False(oak.Has(RoomFeatures.BabyChange | RoomFeatures.Garden));
        Assert.True(oak.SuitsBabies);
        Assert.True(oak.Suits(2));
        Assert.False(oak.Suits(3));
    }

    [Fact]
    public void A_room_suits_a_baby_only_when_it_suits_under_ones_and_has_baby_change()
    {
        var (venue, oak, garden) = NewVenue();
        venue.ChangeRoom(oak.Id, new RoomDetails("Oak Room", 6, RoomFeatures.BabyChange, 5, null));
        venue.ChangeRoom(garden.Id, new RoomDetails("Garden Room", 6, RoomFeatures.Garden, null, null));

        Assert.False(oak.SuitsBabies);
        Assert.False(garden.SuitsBabies);
        Assert.True(garden.Suits(0) && garden.Suits(17)); // open ends suit everyone
    }

    [Theory]
    [InlineData(-1, null, "SuitsFromAge")]
    [InlineData(null, 19, "SuitsToAge")]
    [InlineData(10, 4, "SuitsToAge")]
    public void A_rooms_ages_are_whole_years_from_0_to_18_youngest_first(int? from, int? to, string field)
    {
        var (venue, oak, _) = NewVenue();
        var errors = venue.ChangeRoom(oak.Id, new RoomDetails("Oak Room", 6, RoomFeatures.None, from, to));

        Assert.Equal([field], Fields(errors));
        Assert.Null(oak.SuitsFromAge);
    }

    [Fact]
    public void A_room_cannot_take_another_rooms_name_nor_a_feature_not_listed()
    {
        var (venue, oak, garden) = NewVenue();
        Assert.Equal(["RoomName"], Fields(venue.ChangeRoom(oak.Id, new RoomDetails("garden room", 6, RoomFeatures.None, null, null))));
        Assert.Equal(["Features"], Fields(venue.ChangeRoom(oak.Id, new RoomDetails("Oak Room", 6, (RoomFeatures)1024, null, null))));
        Assert.Equal(["RoomId"], Fields(venue.ChangeRoom(Guid.NewGuid(), new RoomDetails("Oak Room", 6, RoomFeatures.None, null, null))));
        Assert.True(venue.ChangeRoom(garden.Id, new RoomDetails("Garden Room", 9, RoomFeatures.Garden, null, null)).IsValid); // its own name
    }
}
