using System.Globalization;
using FamilyTime.Domain.Notifications;
using FamilyTime.Web.Infrastructure;
using UglyToad.PdfPig.Writer;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>
/// Lays a letter out on A4 pages with PdfPig (Apache 2.0), wrapping words and starting new pages as needed.
/// The fonts travel inside the application, so a letter looks the same from every server.
/// </summary>
public static class LetterPdf
{
    /// <summary>"family-time-ann-smith.pdf", or with "-v2" for a version kept: the same on the page and in the API.</summary>
    public static string FileName(string name, int? version) =>
        $"family-time-{new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray())}{(version is { } v ? $"-v{v}" : "")}.pdf";

    public static byte[] Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = letter.Title;
        builder.DocumentInformation.Author = letter.Council;
        var writer = new PdfPageWriter(builder);

        writer.Paragraph(letter.Council, 9, bold: false, after: 14);
        if (letter.AddressBlock is { Count: > 0 } address)
        {
            PostalHead(writer, address, letter.Date);
        }
        else
        {
            writer.Paragraph(DateText(letter.Date), 11, bold: false, after: 14);
        }
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
        if (letter.ReplyTo is { Count: > 0 } reply)
        {
            writer.Space(12);
            writer.Paragraph("How to contact us", 11, bold: true, after: 4);
            foreach (var line in reply)
            {
                writer.Paragraph(line, 11, bold: false, after: 6);
            }
        }
        // "Page 1 of 2" on every page, so a family can tell a page is missing.
        writer.NumberPages(n => $"Page {n.Page} of {n.Of}");
        return builder.Build();
    }

    private static string DateText(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>
    /// A letter for the post puts the name and address where a window envelope shows it and where GOV.UK Notify's
    /// printers read it (<see cref="PostalLayout"/>), the date to the right of it, and starts the words below both, so
    /// the same PDF can be printed here or sent to Notify.
    /// </summary>
    private static void PostalHead(PdfPageWriter writer, IReadOnlyList<string> address, DateOnly date)
    {
        var lines = PostalAddress.Fit(address);
        for (var i = 0; i < lines.Count; i++)
        {
            // A long line is set smaller rather than run out of the window or be cut short.
            var size = PostalLayout.AddressSize;
            while (size > PostalLayout.SmallestAddressSize && !writer.Fits(lines[i], size, bold: false, PostalLayout.AddressWidth))
            {
                size -= 0.5;
            }
            writer.LineAt(lines[i], size, bold: false, PostalLayout.AddressLeft, PostalLayout.AddressTop + i * PostalLayout.AddressLineHeight);
        }
        writer.LineAt(DateText(date), 11, bold: false, PostalLayout.SideLeft, PostalLayout.AddressTop);
        writer.ContinueFrom(PostalLayout.BodyTop);
    }
}
