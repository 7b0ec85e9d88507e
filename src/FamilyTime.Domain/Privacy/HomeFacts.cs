namespace FamilyTime.Domain.Privacy;

/// <summary>
/// What would tell a parent where the child lives or goes to school, read from the database: the home's address
/// and town, the carers, the school and its street, and the other children living in the same home.
/// </summary>
/// <param name="CarerNames">Each carer's full name ("Alexandria Morar") and the household's name ("Alexandria and Kevin Morar").</param>
/// <param name="HomeAddresses">The home's address lines as held ("686 Von Cliff").</param>
/// <param name="OtherChildren">The other children in the home, by full and first or preferred name.</param>
/// <param name="AllowedNames">Names the family already knows (the child, the family's own people): a carer or child sharing one of these words is still caught by their full name.</param>
public sealed record HomeFacts(
    IReadOnlyList<string> CarerNames,
    IReadOnlyList<string> HomeAddresses,
    IReadOnlyList<string> Towns,
    IReadOnlyList<string> Postcodes,
    IReadOnlyList<string> HomeNames,
    IReadOnlyList<string> Schools,
    IReadOnlyList<string> SchoolAddresses,
    IReadOnlyList<string> OtherChildren,
    IReadOnlyList<string> AllowedNames)
{
    public static readonly HomeFacts None = new([], [], [], [], [], [], [], [], []);
}

/// <summary>One thing in a text that would tell the family where the child lives.</summary>
/// <param name="What">Said to the worker: "the carers' names", "the home's street".</param>
public sealed record HomeLeak(int Start, int Length, string What, string Text);

/// <summary>A piece of text as the worker previews it: <see cref="What"/> is set on a piece that would be taken out.</summary>
public sealed record HighlightedPiece(string Text, string? What);
