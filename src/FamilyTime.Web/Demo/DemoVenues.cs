using Bogus;
using FamilyTime.Domain.Organisation;
using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Family centres, children's centres and community rooms in each demo area, with their opening hours, rooms'
/// features and ages, a Christmas-week closure and a room out of use for repairs. Only the calls on the Faker this
/// always made are made (a name, an address, a postcode, a capacity per room): one more would shift every later
/// demo record. Everything added is worked out from the kind of venue, the area and the date.
/// </summary>
internal static class DemoVenues
{
    private static TimeOnly T(int h, int m = 0) => new(h, m);

    private sealed record Kind(string Name, (string Room, RoomFeatures Features, int? From, int? To)[] Rooms, OpeningHours[] Hours, bool ClosedForChristmas);

    private static OpeningHours[] Days(DayOfWeek first, DayOfWeek last, TimeOnly opens, TimeOnly closes) =>
        OpeningHours.Week.SkipWhile(d => d != first).TakeWhile(d => d != last).Append(last)
            .Select(d => new OpeningHours(d, opens, closes)).ToArray();

    private const RoomFeatures Homely = RoomFeatures.FamilyFriendly | RoomFeatures.StepFree;

    private static readonly Kind[] Kinds =
    [
        new("Family Centre",
            [
                ("Sunflower Room", Homely | RoomFeatures.BabyChange, null, null),
                ("Oak Room", RoomFeatures.Formal | RoomFeatures.Observation | RoomFeatures.StepFree, null, null),
                ("Garden Room", Homely | RoomFeatures.Garden | RoomFeatures.Kitchen, null, null),
            ],
            [.. Days(DayOfWeek.Monday, DayOfWeek.Friday, T(9), T(19)), new(DayOfWeek.Saturday, T(10), T(16))],
            ClosedForChristmas: true),
        new("Children's Centre",
            [
                ("Play Room", Homely, 0, 11),
                ("Baby Room", Homely | RoomFeatures.BabyChange, 0, 4),
            ],
            Days(DayOfWeek.Monday, DayOfWeek.Friday, T(8, 30), T(17, 30)),
            ClosedForChristmas: true),
        new("Community Hub",
            [
                ("Meeting Room 1", RoomFeatures.Formal, 5, null),
                ("Activity Hall", RoomFeatures.FamilyFriendly | RoomFeatures.Kitchen, 5, 18),
            ],
            Days(DayOfWeek.Monday, DayOfWeek.Saturday, T(9), T(20)),
            ClosedForChristmas: false),
    ];

    /// <summary>One fictional postcode area per demo area (a valid shape, no real place): North NB, Central MT, South SB.</summary>
    private static readonly string[] PostcodeAreas = ["NB", "MT", "SB"];

    /// <summary>Letters allowed in the last two places of a postcode (no C, I, K, M, O or V).</summary>
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static List<Venue> For(IReadOnlyList<Area> areas, Faker f, DateOnly today)
    {
        var venues = new List<Venue>();
        for (var a = 0; a < areas.Count; a++)
        {
            var area = areas[a];
            foreach (var kind in Kinds)
            {
                var (venue, errors) = Venue.Create(new VenueDetails($"{f.Address.StreetName()} {kind.Name}", f.Address.StreetAddress(), Postcode(a, f.Address.ZipCode()), area.Id,
                    kind.Name == "Family Centre" ? "Formal venue for supervised family time; step-free; baby-changing." : null));
                if (!errors.IsValid || venue is null)
                {
                    throw new InvalidOperationException("Demo venue refused.");
                }
                foreach (var (room, _, _, _) in kind.Rooms)
                {
                    venue.AddRoom(room, f.Random.Int(4, 12));
                }
                Furnish(venue, kind, a, today);
                venues.Add(venue);
            }
        }
        return venues;
    }

    private static void Furnish(Venue venue, Kind kind, int areaIndex, DateOnly today)
    {
        Check(venue.SetOpeningHours(kind.Hours));
        foreach (var (name, features, from, to) in kind.Rooms)
        {
            var room = venue.Rooms.Single(r => r.Name == name);
            Check(venue.ChangeRoom(room.Id, new RoomDetails(room.Name, room.Capacity, features, from, to)));
        }
        if (kind.ClosedForChristmas)
        {
            // The coming Christmas week (or the one under way on New Year's Day).
            var year = today.Month == 1 && today.Day == 1 ? today.Year - 1 : today.Year;
            Check(venue.AddClosure(new ClosureDetails(null, new DateOnly(year, 12, 24), new DateOnly(year + 1, 1, 1), "Christmas week"), today).Errors);
        }
        if (areaIndex == 0 && kind.Name == "Family Centre")
        {
            // The North family centre's garden room is out of use next week, so the rota has something to work around.
            var toMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
            var monday = today.AddDays(toMonday == 0 ? 7 : toMonday);
            var garden = venue.Rooms.Single(r => r.Name == "Garden Room");
            Check(venue.AddClosure(new ClosureDetails(garden.Id, monday, monday.AddDays(6), "Out of use for repairs to the roof"), today).Errors);
        }
    }

    /// <summary>
    /// The Faker's postcode made into one of a few districts of the area's postcode area ("NB1 4QT" to "NB4 …"),
    /// worked out from its characters so the same seed always gives the same postcode.
    /// </summary>
    internal static string Postcode(int areaIndex, string fakerPostcode)
    {
        var hash = 17u;
        foreach (var c in fakerPostcode)
        {
            hash = unchecked(hash * 31 + c);
        }
        var district = 1 + (int)(hash % 4);
        var sector = (int)(hash / 4 % 10);
        var unit = $"{InwardLetters[(int)(hash / 40 % 20)]}{InwardLetters[(int)(hash / 800 % 20)]}";
        return $"{PostcodeAreas[areaIndex % PostcodeAreas.Length]}{district} {sector}{unit}";
    }

    private static void Check(Domain.Common.ValidationErrors errors)
    {
        if (!errors.IsValid)
        {
            throw new InvalidOperationException("Demo venue refused: " + string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
        }
    }
}
