using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;

namespace FamilyTime.UnitTests;

/// <summary>
/// Valid inputs for the domain, so a test only spells out what it changes (use <c>with { … }</c> on the records).
/// "Today" is fixed: time in the domain is always passed in, never read from the clock.
/// </summary>
internal static class Valid
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly DateOnly DateOfBirth = new(2018, 5, 14);
    public static readonly DateOnly LegalStart = new(2026, 3, 2);
    public static readonly DateOnly PlacementStart = new(2026, 3, 2);
    public static readonly Guid Household = new("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Team = new("22222222-2222-2222-2222-222222222222");
    public const string SocialWorker = "sw-allocated";
    public const string Iro = "iro-of-child";

    public static ChildDetails Details() =>
        new("Amara", "Okafor", "Mara", DateOfBirth, "Female", "Black British - African", "English", "seeing Mum");

    public static LegalStatusDetails Legal(LegalStatus status = LegalStatus.CareOrder, DateOnly? start = null, bool inProceedings = false) =>
        new(status, start ?? LegalStart, inProceedings);

    public static PlacementDetails Placement() =>
        new(PlacementKind.CarerHousehold, Household, null, PlacementStart, IsLongTerm: true);

    public static PlacementDetails ResidentialHome(string? name = "Oak House") =>
        new(PlacementKind.ResidentialHome, null, name, PlacementStart, IsLongTerm: false);

    public static PersonDetails Person() =>
        new("Grace Okafor", Relationship.Mother, HasParentalResponsibility: true, ChildPlacedWithThem: false,
            "1 High Street, Anytown", "07700 900982", "grace@example.com", "Yoruba", NeedsInterpreter: true);

    public static Child Child(ChildDetails? details = null, LegalStatusDetails? legal = null, PlacementDetails? placement = null) =>
        Domain.Children.Child.ComeIntoCare(details ?? Details(), legal ?? Legal(), placement ?? Placement(), SocialWorker, Team, Iro, Today);

    /// <summary>A string of exactly <paramref name="length"/> letters.</summary>
    public static string Text(int length) => new('x', length);
}
