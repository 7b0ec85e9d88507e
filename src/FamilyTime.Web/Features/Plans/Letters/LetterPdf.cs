using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>Lays a letter out on A4 pages with PDFsharp, wrapping words and starting new pages as needed.</summary>
public static class LetterPdf
{
    private const string Family = "DejaVu Sans";
    private const double Margin = 56; // about 2 cm
    private static readonly Lock FontsLock = new();

    public static byte[] Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = letter.Title;
        document.Info.Author = letter.Council;
        var writer = new PageWriter(document);
        var body = new XFont(Family, 11, XFontStyleEx.Regular);
        var bold = new XFont(Family, 11, XFontStyleEx.Bold);
        var title = new XFont(Family, 16, XFontStyleEx.Bold);
        var small = new XFont(Family, 9, XFontStyleEx.Regular);

        writer.Paragraph(letter.Council, small, 14);
        writer.Paragraph(letter.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), body, 14);
        writer.Paragraph(letter.Title, title, 10);
        writer.Paragraph(letter.Greeting, body, 8);
        foreach (var section in letter.Sections)
        {
            if (section.Heading is not null)
            {
                writer.Space(4);
                writer.Paragraph(section.Heading, bold, 4);
            }
            foreach (var p in section.Paragraphs)
            {
                writer.Paragraph(section.AsList ? "•  " + p : p, body, 6, section.AsList ? 12 : 0);
            }
        }
        writer.Space(8);
        writer.Paragraph(letter.SignOff, body, 18);
        writer.Paragraph(letter.Signatory, body, 0);
        writer.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontsLock)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
        }
    }

    private sealed class PageWriter(PdfDocument document)
    {
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        public void Paragraph(string text, XFont font, double after, double indent = 0)
        {
            var lineHeight = font.GetHeight() * 1.25;
            foreach (var line in Wrap(text, font, indent))
            {
                var gfx = Room(lineHeight);
                gfx.DrawString(line.Text, font, XBrushes.Black, new XPoint(Margin + line.Indent, _y + font.GetHeight()));
                _y += lineHeight;
            }
            _y += after;
        }

        public void Space(double points) => _y += points;

        public void Finish() => _gfx?.Dispose();

        private XGraphics Room(double height)
        {
            if (_gfx is null || _y + height > _page!.Height.Point - Margin)
            {
                _gfx?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _gfx = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }
            return _gfx;
        }

        private List<(string Text, double Indent)> Wrap(string text, XFont font, double indent)
        {
            var measure = Room(0);
            var width = (_page!.Width.Point - 2 * Margin) - indent;
            var lines = new List<(string, double)>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var attempt = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && measure.MeasureString(attempt, font).Width > width)
                {
                    lines.Add((current, lines.Count == 0 ? 0 : indent));
                    current = word;
                }
                else
                {
                    current = attempt;
                }
            }
            if (current.Length > 0)
            {
                lines.Add((current, lines.Count == 0 ? 0 : indent));
            }
            return lines;
        }
    }

    /// <summary>Serves the fonts embedded in the application, so letters need no fonts installed on the server.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

        public byte[] GetFont(string faceName)
        {
            using var stream = typeof(LetterPdf).Assembly.GetManifestResourceStream($"FamilyTime.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the application.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
