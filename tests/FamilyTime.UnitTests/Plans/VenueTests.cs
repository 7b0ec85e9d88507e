using FamilyTime.Domain.Venues;
using static FamilyTime.UnitTests.Plans.PlanValid;

namespace FamilyTime.UnitTests.Plans;

public class VenueTests
{
    private static readonly Guid Area = new("e0000000-0000-0000-0000-000000000001");

    private static VenueDetails Details() => new("Oak Lane Family Centre", "12 Oak Lane, Anytown", "AN1 2BC", Area, "Parking at the back");

    private static Venue NewVenue() => Venue.Create(Details()).Venue!;

    [Fact]
    public void A_valid_venue_is_created_trimmed_with_its_postcode_in_capitals()
    {
        var (venue, errors) = Venue.Create(new VenueDetails("  Oak Lane Family Centre ", " 12 Oak Lane ", " an1 2bc ", Area, "   "));

        Assert.True(errors.IsValid);
        Assert.NotNull(venue);
        Assert.NotEqual(Guid.Empty, venue.Id);
        Assert.Equal("Oak Lane Family Centre", venue.Name);
        Assert.Equal("12 Oak Lane", venue.Address);
        Assert.Equal("AN1 2BC", venue.Postcode);
        Assert.Equal(Area, venue.AreaId);
        Assert.Null(venue.Notes);
        Assert.True(venue.IsOpen);
        Assert.Empty(venue.Rooms);
    }

    [Theory]
    [InlineData(null, "12 Oak Lane", "AN1 2BC", "Name")]
    [InlineData(" ", "12 Oak Lane", "AN1 2BC", "Name")]
    [InlineData("Oak Lane", null, "AN1 2BC", "Address")]
    [InlineData("Oak Lane", "12 Oak Lane", "", "Postcode")]
    public void Name_address_and_postcode_are_needed(string? name, string? address, string? postcode, string field)
    {
        var (venue, errors) = Venue.Create(new VenueDetails(name, address, postcode, Area, null));

        Assert.Null(venue);
        Assert.Equal([field], Fields(errors));
    }

    [Fact]
    public void The_area_is_needed_and_not_the_empty_id()
    {
        Assert.Equal(["AreaId"], Fields(Venue.Create(Details() with { AreaId = null }).Errors));
        Assert.Equal(["AreaId"], Fields(Venue.Create(Details() with { AreaId = Guid.Empty }).Errors));
    }

    [Theory]
    [InlineData("Name", 150)]
    [InlineData("Address", 300)]
    [InlineData("Postcode", 10)]
    [InlineData("Notes", 2000)]
    public void Text_is_limited_in_length(string field, int max)
    {
        VenueDetails With(string text) => field switch
        {
            "Name" => Details() with { Name = text },
            "Address" => Details() with { Address = text },
            "Postcode" => Details() with { Postcode = text },
            _ => Details() with { Notes = text },
        };

        Assert.True(Venue.Create(With(" " + Valid.Text(max) + " ")).Errors.IsValid);
        Assert.Equal([field], Fields(Venue.Create(With(Valid.Text(max + 1))).Errors));
    }

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        Assert.Equal(["Address", "AreaId", "Name", "Postcode"], Fields(new VenueDetails(null, null, null, null, null).Validate()));

    [Fact]
    public void A_valid_update_applies_and_an_invalid_one_changes_nothing()
    {
        var venue = NewVenue();

        Assert.True(venue.Update(Details() with { Name = "Elm Family Centre", IsOpen = false }).IsValid);
        Assert.Equal("Elm Family Centre", venue.Name);
        Assert.False(venue.IsOpen);

        Assert.Equal(["Name"], Fields(venue.Update(Details() with { Name = "", Address = "Changed" })));
        Assert.Equal("Elm Family Centre", venue.Name);
        Assert.Equal("12 Oak Lane, Anytown", venue.Address);
    }

    [Fact]
    public void A_room_is_added_to_the_venue_trimmed()
    {
        var venue = NewVenue();

        var (room, errors) = venue.AddRoom("  Blue Room ", 6);

        Assert.True(errors.IsValid);
        Assert.NotNull(room);
        Assert.Same(room, Assert.Single(venue.Rooms));
        Assert.Equal(venue.Id, room.VenueId);
        Assert.Equal("Blue Room", room.Name);
        Assert.Equal(6, room.Capacity);
        Assert.NotEqual(Guid.Empty, room.Id);
    }

    [Theory]
    [InlineData("Blue Room")]
    [InlineData("blue room")]
    [InlineData("  BLUE ROOM  ")]
    public void Two_rooms_of_a_venue_cannot_share_a_name(string name)
    {
        var venue = NewVenue();
        venue.AddRoom("Blue Room", 6);

        var (room, errors) = venue.AddRoom(name, 4);

        Assert.Null(room);
        Assert.Equal(["RoomName"], Fields(errors));
        Assert.Equal("This venue already has a room with that name", errors.ByField["RoomName"][0]);
        Assert.Single(venue.Rooms);
    }

    [Fact]
    public void Different_venues_may_have_rooms_of_the_same_name()
    {
        var first = NewVenue();
        var second = NewVenue();
        first.AddRoom("Blue Room", 6);

        Assert.True(second.AddRoom("Blue Room", 6).Errors.IsValid);
        Assert.True(first.AddRoom("Blue Room 2", 6).Errors.IsValid);
        Assert.Equal(2, first.Rooms.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_room_needs_a_name(string? name) =>
        Assert.Equal(["RoomName"], Fields(NewVenue().AddRoom(name, 4).Errors));

    [Fact]
    public void A_room_name_is_at_most_100_characters()
    {
        var venue = NewVenue();
        Assert.Equal(["RoomName"], Fields(venue.AddRoom(Valid.Text(101), 4).Errors));
        Assert.True(venue.AddRoom(Valid.Text(100), 4).Errors.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(100)]
    public void Capacity_is_1_to_100_or_not_given(int? capacity) =>
        Assert.True(NewVenue().AddRoom("Hall", capacity).Errors.IsValid);

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-4)]
    public void Other_capacities_are_refused(int capacity)
    {
        var venue = NewVenue();
        Assert.Equal(["Capacity"], Fields(venue.AddRoom("Hall", capacity).Errors));
        Assert.Empty(venue.Rooms);
    }
}
