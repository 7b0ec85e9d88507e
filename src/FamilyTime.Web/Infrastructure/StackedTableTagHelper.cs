using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// A staff table that stacks on a narrow screen: <c>&lt;table class="govuk-table" app-stack&gt;</c>. Each body cell is
/// given its column's name (data-label, read from the table's own headers) for the stylesheet to show above it when
/// the rows become blocks, so a page keeps one source for its column names and needs only the attribute.
/// </summary>
[HtmlTargetElement("table", Attributes = "app-stack")]
public sealed partial class StackedTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll("app-stack");
        var css = output.Attributes["class"]?.Value?.ToString();
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(css) ? "app-table--stack" : css + " app-table--stack");
        var html = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent(Label(html));
    }

    /// <summary>Adds each column's header text to the body's cells, column by column.</summary>
    public static string Label(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var head = Head().Match(html);
        var body = Body().Match(html);
        if (!head.Success || !body.Success)
        {
            return html;
        }
        var names = Header().Matches(head.Value).Select(m => Text(m.Groups["text"].Value)).ToList();
        var rows = Row().Replace(body.Value, row =>
        {
            var column = 0;
            return Cell().Replace(row.Value, cell =>
            {
                var name = column < names.Count ? names[column] : "";
                column++;
                return name.Length == 0 ? cell.Value : $"{cell.Value} data-label=\"{WebUtility.HtmlEncode(name)}\"";
            });
        });
        return string.Concat(html.AsSpan(0, body.Index), rows, html.AsSpan(body.Index + body.Length));
    }

    /// <summary>A header's words without its markup; a visually hidden name ("Actions") counts as its name.</summary>
    private static string Text(string inner) => Space().Replace(WebUtility.HtmlDecode(Tag().Replace(inner, " ")), " ").Trim();

    [GeneratedRegex(@"<thead\b.*?</thead>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"<tbody\b.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex(@"<th\b[^>]*>(?<text>.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex Header();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<t[dh](?=[\s>])")]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
