using System.Globalization;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>
/// Lays a letter out on A4 pages with PdfPig (Apache 2.0), wrapping words and starting new pages as needed.
/// The fonts travel inside the application, so a letter looks the same from every server.
/// </summary>
public static class LetterPdf
{
    private const double Margin = 56; // about 2 cm
    private static readonly Lazy<byte[]> Regular = new(() => Font("DejaVuSans"));
    private static readonly Lazy<byte[]> Bold = new(() => Font("DejaVuSans-Bold"));

    public static byte[] Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = letter.Title;
        builder.DocumentInformation.Author = letter.Council;
        var writer = new PageWriter(builder, builder.AddTrueTypeFont(Regular.Value), builder.AddTrueTypeFont(Bold.Value));

        writer.Paragraph(letter.Council, 9, bold: false, after: 14);
        writer.Paragraph(letter.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), 11, bold: false, after: 14);
        writer.Paragraph(letter.Title, 16, bold: true, after: 10);
        writer.Paragraph(letter.Greeting, 11, bold: false, after: 8);
        foreach (var section in letter.Sections)
        {
            if (section.Heading is not null)
            {
                writer.Space(4);
                writer.Paragraph(section.Heading, 11, bold: true, after: 4);
            }
            foreach (var p in section.Paragraphs)
            {
                writer.Paragraph(section.AsList ? "• " + p : p, 11, bold: false, after: 6, hanging: section.AsList ? 10 : 0);
            }
        }
        writer.Space(8);
        writer.Paragraph(letter.SignOff, 11, bold: false, after: 18);
        writer.Paragraph(letter.Signatory, 11, bold: false, after: 0);
        return builder.Build();
    }

    private static byte[] Font(string name)
    {
        using var stream = typeof(LetterPdf).Assembly.GetManifestResourceStream($"FamilyTime.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the application.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class PageWriter(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont boldFont)
    {
        private PdfPageBuilder? _page;
        private double _top;

        public void Paragraph(string text, double size, bool bold, double after, double hanging = 0)
        {
            var font = bold ? boldFont : regular;
            var lineHeight = size * 1.45;
            var first = true;
            foreach (var line in Wrap(text, size, font, hanging))
            {
                var page = Room(lineHeight);
                _top += lineHeight;
                // PDF measures up from the bottom of the page; the writer counts down from the top margin.
                page.AddText(line, size, new PdfPoint(Margin + (first ? 0 : hanging), page.PageSize.Height - Margin - _top), font);
                first = false;
            }
            Advance(after);
        }

        public void Space(double points) => Advance(points);

        private void Advance(double points) => _top += points;

        /// <summary>The page with room for one more line, starting a new page when this one is full.</summary>
        private PdfPageBuilder Room(double height)
        {
            if (_page is null || _top + height > _page.PageSize.Height - 2 * Margin)
            {
                _page = builder.AddPage(PageSize.A4);
                _top = 0;
            }
            return _page;
        }

        private List<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double hanging)
        {
            var page = _page ?? builder.AddPage(PageSize.A4);
            _page = page;
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
}
