using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>A letter as a standalone HTML fragment, kept with each document version exactly as produced.</summary>
public static class LetterHtml
{
    public static string Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        static string E(string s) => HtmlEncoder.Default.Encode(s);
        var html = new StringBuilder();
        html.Append("<article class=\"app-letter\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body-s\">{E(letter.Council)}</p>");
        if (letter.AddressBlock is { Count: > 0 } address)
        {
            // The recipient's address, where a window envelope shows it.
            html.Append(CultureInfo.InvariantCulture, $"<address class=\"govuk-body app-letter-address\">{string.Join("<br>", address.Select(E))}</address>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">{E(letter.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"govuk-heading-m\">{E(letter.Title)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">{E(letter.Greeting)}</p>");
        foreach (var s in letter.Sections)
        {
            if (s.Heading is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"govuk-heading-s\">{E(s.Heading)}</h3>");
            }
            if (s.AsList)
            {
                html.Append("<ul class=\"govuk-list govuk-list--bullet\">");
                foreach (var p in s.Paragraphs)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(p)}</li>");
                }
                html.Append("</ul>");
            }
            else
            {
                foreach (var p in s.Paragraphs)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">{E(p)}</p>");
                }
            }
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">{E(letter.SignOff)}</p><p class=\"govuk-body\">{E(letter.Signatory)}</p>");
        if (letter.ReplyTo is { Count: > 0 } reply)
        {
            html.Append("<h3 class=\"govuk-heading-s\">How to contact us</h3>");
            foreach (var line in reply)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">{E(line)}</p>");
            }
        }
        html.Append("</article>");
        return html.ToString();
    }
}
