namespace FamilyTime.Domain.Rota;

/// <summary>
/// The district of a postcode (its outward code: "NE4" of "NE4 6AB"). The rota works by district: close enough for
/// travel times, and a home's district is shown only on staff pages, never to a family.
/// </summary>
public static class PostcodeDistrict
{
    public static string? Of(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }
        var p = postcode.Trim().ToUpperInvariant();
        var space = p.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            return p[..space];
        }
        // Without a space, the inward code is always the last three characters.
        return p.Length > 3 ? p[..^3] : p;
    }
}
