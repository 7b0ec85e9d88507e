namespace FamilyTime.Domain.Workforce;

/// <summary>
/// How long a worker needs to get from one place to another, estimated from the two postcodes' districts: there is
/// no map here, and a coordinator plans by the same rule of thumb. Same district about 10 minutes, same postcode area
/// (the letters, "LS" of "LS6") about 25, anywhere else about 45. The rota and the booking checks both use it.
/// </summary>
public static class TravelEstimate
{
    public const int SameDistrict = 10;
    public const int SameArea = 25;
    public const int Elsewhere = 45;

    /// <summary>
    /// Minutes from <paramref name="fromPostcode"/> to <paramref name="toPostcode"/>. The same place is 0; a postcode
    /// missing or unreadable is taken as far away (45), so a gap in the data never makes a journey look short.
    /// </summary>
    public static int Minutes(string? fromPostcode, string? toPostcode)
    {
        var from = District(fromPostcode);
        var to = District(toPostcode);
        if (from is null || to is null)
        {
            return Elsewhere;
        }
        if (Normalise(fromPostcode) == Normalise(toPostcode))
        {
            return 0;
        }
        if (from == to)
        {
            return SameDistrict;
        }
        return Area(from) == Area(to) ? SameArea : Elsewhere;
    }

    /// <summary>The outward code ("LS6" of "LS6 2AB", or of "LS6" alone), upper case; null when it cannot be read.</summary>
    public static string? District(string? postcode)
    {
        var p = Normalise(postcode);
        if (p.Length == 0)
        {
            return null;
        }
        // A full postcode ends in a three-character inward code (digit, letter, letter); what is left is the district.
        var outward = p.Length >= 5 && char.IsDigit(p[^3]) && char.IsLetter(p[^2]) && char.IsLetter(p[^1]) ? p[..^3] : p;
        return outward.Length is >= 2 and <= 4 && char.IsLetter(outward[0]) && outward.Any(char.IsDigit) ? outward : null;
    }

    private static string Area(string district) => new(district.TakeWhile(char.IsLetter).ToArray());

    private static string Normalise(string? postcode) =>
        new((postcode ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
}
