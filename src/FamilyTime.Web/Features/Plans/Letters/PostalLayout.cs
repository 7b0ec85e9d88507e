namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>
/// Where a letter for the post puts its address, date and words on the first page, in points (1 mm = 72 / 25.4 pt),
/// measured from the page's left and top edges. These follow GOV.UK Notify's letter specification for a PDF it prints
/// and posts: the address block 24.6–120 mm from the left and 39.5–66.3 mm from the top (what shows through the
/// envelope's window), the service's own details 125–195 mm from the left above 95 mm, and the letter's body below
/// 95 mm. Each place sits a little inside its area, so text is never on the edge Notify measures from.
/// </summary>
public static class PostalLayout
{
    public const double Mm = 72 / 25.4;

    public const double AddressLeft = 26 * Mm;
    public const double AddressTop = 40.5 * Mm;
    public const double AddressWidth = 93 * Mm;
    public const double AddressLineHeight = 3.6 * Mm;
    public const double AddressSize = 9.5;
    public const double SmallestAddressSize = 7;

    /// <summary>The date, to the right of the address, in the area Notify leaves for the sender's details.</summary>
    public const double SideLeft = 130 * Mm;

    /// <summary>The letter's words start below the address and the sender's details.</summary>
    public const double BodyTop = 97 * Mm;
}
