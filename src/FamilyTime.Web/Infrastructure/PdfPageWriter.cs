using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Writer;

namespace FamilyTime.Web.Infrastructure;

/// <summary>Where a paragraph landed: its page and the area its lines cover, so it can be made a link.</summary>
public sealed record PlacedText(PdfPageBuilder Page, int PageNumber, PdfRectangle Area);

/// <summary>
/// Lays text out on A4 pages with PdfPig (Apache 2.0), wrapping words and starting new pages as needed. The fonts
/// (DejaVu Sans) travel inside the application, so a document looks the same from every server.
/// </summary>
public sealed class PdfPageWriter
{
    private const double Margin = 56; // about 2 cm
    private static readonly Lazy<byte[]> RegularFont = new(() => Font("DejaVuSans"));
    private static readonly Lazy<byte[]> BoldFont = new(() => Font("DejaVuSans-Bold"));

    private readonly PdfDocumentBuilder _builder;
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private readonly List<PdfPageBuilder> _pages = [];
    private PdfPageBuilder? _page;
    private int _pageNumber;
    private double _top;

    public PdfPageWriter(PdfDocumentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _builder = builder;
        _regular = builder.AddTrueTypeFont(RegularFont.Value);
        _bold = builder.AddTrueTypeFont(BoldFont.Value);
    }

    /// <summary>Writes a paragraph; <paramref name="hanging"/> indents the lines after the first (for list items).</summary>
    public PlacedText? Paragraph(string text, double size, bool bold, double after, double hanging = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = bold ? _bold : _regular;
        var lineHeight = size * 1.45;
        var first = true;
        PlacedText? placed = null;
        foreach (var line in Wrap(text, size, font, hanging))
        {
            var page = Room(lineHeight);
            _top += lineHeight;
            // PDF measures up from the bottom of the page; the writer counts down from the top margin.
            var baseline = page.PageSize.Height - Margin - _top;
            page.AddText(line, size, new PdfPoint(Margin + (first ? 0 : hanging), baseline), font);
            var area = new PdfRectangle(Margin, baseline - size * 0.3, page.PageSize.Width - Margin, baseline + size);
            placed = placed is { } p && p.PageNumber == _pageNumber
                ? p with { Area = new PdfRectangle(Margin, area.Bottom, area.Right, p.Area.Top) }
                : placed ?? new PlacedText(page, _pageNumber, area);
            first = false;
        }
        _top += after;
        return placed;
    }

    /// <summary>Where the next line will start, as a destination for a link from elsewhere in the document.</summary>
    public ExplicitDestination Here()
    {
        var page = Room(0);
        return new ExplicitDestination(_pageNumber, ExplicitDestinationType.XyzCoordinates,
            new ExplicitDestinationCoordinates(0, page.PageSize.Height - Margin - _top + 12));
    }

    public void Space(double points) => _top += points;

    /// <summary>
    /// Writes one line at a fixed place on the current page (<paramref name="left"/> and <paramref name="top"/> in
    /// points from the page's left and top edges, the top being the line's top), outside the flow of paragraphs: for
    /// what a window envelope or a print service expects in one place, such as the address.
    /// </summary>
    public void LineAt(string text, double size, bool bold, double left, double top)
    {
        ArgumentNullException.ThrowIfNull(text);
        var page = Room(0);
        page.AddText(text, size, new PdfPoint(left, page.PageSize.Height - top - size), bold ? _bold : _regular);
    }

    /// <summary>The next paragraph starts no higher than <paramref name="top"/> points from the top edge of the current page.</summary>
    public void ContinueFrom(double top) => _top = Math.Max(_top, top - Margin);

    /// <summary>Whether one line of <paramref name="text"/> is no wider than <paramref name="width"/> points.</summary>
    public bool Fits(string text, double size, bool bold, double width) => Width(Room(0), text, size, bold ? _bold : _regular) <= width;

    /// <summary>Writes a footer on every page once all are laid out, such as "Page 1 of 3".</summary>
    public void NumberPages(Func<(int Page, int Of), string> footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            page.AddText(footer((i + 1, _pages.Count)), 9, new PdfPoint(Margin, Margin / 2), _regular);
        }
    }

    /// <summary>Starts the next text on a new page.</summary>
    public void NewPage()
    {
        _page = null;
        _top = 0;
    }

    private static byte[] Font(string name)
    {
        using var stream = typeof(PdfPageWriter).Assembly.GetManifestResourceStream($"FamilyTime.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the application.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The page with room for one more line, starting a new page when this one is full.</summary>
    private PdfPageBuilder Room(double height)
    {
        if (_page is null || _top + height > _page.PageSize.Height - 2 * Margin)
        {
            _page = _builder.AddPage(PageSize.A4);
            _pages.Add(_page);
            _pageNumber++;
            _top = 0;
        }
        return _page;
    }

    private List<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double hanging)
    {
        if (_page is null)
        {
            _page = _builder.AddPage(PageSize.A4);
            _pages.Add(_page);
            _pageNumber++;
            _top = 0;
        }
        var page = _page;
        var width = page.PageSize.Width - 2 * Margin - hanging;
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var attempt = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Width(page, attempt, size, font) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = attempt;
            }
        }
        if (current.Length > 0)
        {
            lines.Add(current);
        }
        return lines;
    }

    private static double Width(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }
}
