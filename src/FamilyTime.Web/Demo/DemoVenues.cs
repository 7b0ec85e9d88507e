using Bogus;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Demo;

/// <summary>Family centres, children's centres and community rooms in each demo area.</summary>
internal static class DemoVenues
{
    private static readonly (string Name, string[] Rooms)[] Kinds =
    [
        ("Family Centre", ["Sunflower Room", "Oak Room", "Garden Room"]),
        ("Children's Centre", ["Play Room", "Baby Room"]),
        ("Community Hub", ["Meeting Room 1", "Activity Hall"]),
    ];

    public static List<Venue> For(IReadOnlyList<Area> areas, Faker f)
    {
        var venues = new List<Venue>();
        foreach (var area in areas)
        {
            foreach (var (kind, rooms) in Kinds)
            {
                var (venue, errors) = Venue.Create(new VenueDetails($"{f.Address.StreetName()} {kind}", f.Address.StreetAddress(), f.Address.ZipCode(), area.Id,
                    kind == "Family Centre" ? "Formal venue for supervised family time; step-free; baby-changing." : null));
                if (!errors.IsValid || venue is null)
                {
                    throw new InvalidOperationException("Demo venue refused.");
                }
                foreach (var room in rooms)
                {
                    venue.AddRoom(room, f.Random.Int(4, 12));
                }
                venues.Add(venue);
            }
        }
        return venues;
    }
}
