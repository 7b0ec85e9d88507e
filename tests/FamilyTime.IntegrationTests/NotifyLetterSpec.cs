using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// GOV.UK Notify's letter specification for a precompiled PDF, read from the PDF as PdfPig finds it: every page A4
/// portrait; on the first page, ink only in the logo area (15–125 mm across, 5–30 mm down), the address block
/// (24.6–120 across, 39.5–66.3 down), the sender's area (125–195 across, 5–95 down) and the body (15–195 across,
/// 95–292 down); on later pages only within 15–195 across and 5–292 down. Measured without Notify's own 1 mm of grace.
/// </summary>
public static class NotifyLetterSpec
{
    private const double Mm = 72 / 25.4;

    private sealed record Area(string Name, double Left, double Right, double Top, double Bottom)
    {
        public bool Holds(double left, double right, double top, double bottom) =>
            left >= Left && right <= Right && top >= Top && bottom <= Bottom;
    }

    private static readonly Area Logo = new("logo", 15, 125, 5, 30);
    public static readonly (double Left, double Right, double Top, double Bottom) AddressBlock = (24.6, 120, 39.5, 66.3);
    private static readonly Area Address = new("address block", AddressBlock.Left, AddressBlock.Right, AddressBlock.Top, AddressBlock.Bottom);
    private static readonly Area Sender = new("sender's details", 125, 195, 5, 95);
    private static readonly Area Body = new("body", 15, 195, 95, 292);
    private static readonly Area LaterPage = new("page", 15, 195, 5, 292);

    /// <summary>Every way the PDF breaks the specification, as "page 1: 'x' at 12.0–14.0 mm across, 33.1–35.0 mm down"; empty when it keeps it.</summary>
    public static List<string> Breaches(byte[] pdf)
    {
        var breaches = new List<string>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            if (Math.Abs(page.Width / Mm - 210) > 2 || Math.Abs(page.Height / Mm - 297) > 2)
            {
                breaches.Add($"page {page.Number}: {page.Width / Mm:0} × {page.Height / Mm:0} mm is not A4 portrait");
            }
            var areas = page.Number == 1 ? new[] { Logo, Address, Sender, Body } : [LaterPage];
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var (left, right, top, bottom) = Millimetres(page, letter.BoundingBox);
                if (!areas.Any(a => a.Holds(left, right, top, bottom)))
                {
                    breaches.Add($"page {page.Number}: '{letter.Value}' at {left:0.0}–{right:0.0} mm across, {top:0.0}–{bottom:0.0} mm down");
                }
            }
        }
        return breaches;
    }

    /// <summary>The words of the first page inside the address block, top to bottom, one string per line.</summary>
    public static List<string> AddressLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        return page.GetWords()
            .Select(w => (Word: w, Box: Millimetres(page, w.BoundingBox)))
            .Where(w => Address.Holds(w.Box.Left, w.Box.Right, w.Box.Top, w.Box.Bottom))
            .GroupBy(w => Math.Round(w.Box.Bottom, 1))
            .OrderBy(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.Box.Left).Select(w => w.Word.Text)))
            .ToList();
    }

    // PDF measures up from the bottom-left corner in points; the specification measures down from the top-left in mm.
    private static (double Left, double Right, double Top, double Bottom) Millimetres(Page page, UglyToad.PdfPig.Core.PdfRectangle box) =>
        (box.Left / Mm, box.Right / Mm, (page.Height - box.Top) / Mm, (page.Height - box.Bottom) / Mm);
}
