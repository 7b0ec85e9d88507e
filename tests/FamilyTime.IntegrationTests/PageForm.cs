using System.Net;
using System.Text.RegularExpressions;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A server-rendered form read as a browser would send it back unchanged: its text and hidden inputs, the ticked
/// checkboxes and chosen radios, each select's chosen option (else its first) and each textarea's text, in page order
/// (a name may come more than once, as checkbox lists do). Tests change the fields they mean to and post the rest.
/// </summary>
public sealed partial class PageForm
{
    private readonly List<KeyValuePair<string, string>> fields = [];

    /// <summary>The post form of the page that holds a field of the given name (the layout's sign-out form is another).</summary>
    public static PageForm Of(string html, string holding)
    {
        ArgumentNullException.ThrowIfNull(html);
        var form = FormPattern().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains($"name=\"{holding}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form on the page has a field named {holding}");
        var read = new PageForm { Action = Attribute(form[..(form.IndexOf('>', StringComparison.Ordinal) + 1)], "action") is { Length: > 0 } action ? action : null };
        foreach (Match m in FieldPattern().Matches(form))
        {
            var tag = m.Value;
            var name = Attribute(tag, "name");
            if (name is null)
            {
                continue;
            }
            if (tag.StartsWith("<input", StringComparison.Ordinal))
            {
                var type = Attribute(tag, "type") ?? "text";
                if (type is "submit" or "button" || (type is "checkbox" or "radio" && !Regex.IsMatch(tag, "\\schecked\\b")))
                {
                    continue;
                }
                read.fields.Add(new(name, Attribute(tag, "value") ?? ""));
            }
            else if (tag.StartsWith("<select", StringComparison.Ordinal))
            {
                var options = OptionPattern().Matches(tag).ToList();
                var chosen = options.FirstOrDefault(o => Regex.IsMatch(o.Value, "\\sselected\\b")) ?? options.FirstOrDefault();
                read.fields.Add(new(name, chosen is null ? "" : Attribute(chosen.Value, "value") ?? ""));
            }
            else
            {
                read.fields.Add(new(name, WebUtility.HtmlDecode(m.Groups["text"].Value)));
            }
        }
        return read;
    }

    /// <summary>Where the form posts to, from its action attribute; null when it names none (it posts to its own page).</summary>
    public string? Action { get; private init; }

    /// <summary>The first value sent for a field, or null when none is.</summary>
    public string? this[string name] => fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    /// <summary>Sets a field to one value, replacing whatever the page had.</summary>
    public PageForm Set(string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return this;
    }

    public FormUrlEncodedContent Content() => new(fields);

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>|<select\\b[^>]*>.*?</select>|<textarea\\b[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex OptionPattern();
}
