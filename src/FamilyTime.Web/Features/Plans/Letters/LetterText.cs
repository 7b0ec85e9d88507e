using System.Globalization;
using System.Text;

namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>A letter as plain text, for an e-mail body: the same words as the HTML and PDF versions.</summary>
public static class LetterText
{
    public static string Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var text = new StringBuilder();
        text.AppendLine(letter.Council);
        text.AppendLine(letter.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        text.AppendLine();
        text.AppendLine(letter.Title);
        text.AppendLine();
        text.AppendLine(letter.Greeting);
        foreach (var section in letter.Sections)
        {
            text.AppendLine();
            if (section.Heading is not null)
            {
                text.AppendLine(section.Heading);
            }
            foreach (var paragraph in section.Paragraphs)
            {
                text.AppendLine(section.AsList ? "- " + paragraph : paragraph);
            }
        }
        text.AppendLine();
        text.AppendLine(letter.SignOff);
        text.AppendLine(letter.Signatory);
        if (letter.ReplyTo is { Count: > 0 } reply)
        {
            text.AppendLine();
            text.AppendLine("How to contact us");
            foreach (var line in reply)
            {
                text.AppendLine(line);
            }
        }
        return text.ToString();
    }
}
