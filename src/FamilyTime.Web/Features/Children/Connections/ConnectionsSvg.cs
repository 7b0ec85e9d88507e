using System.Globalization;
using System.Text;

namespace FamilyTime.Web.Features.Children.Connections;

/// <summary>
/// Draws the connections map as inline SVG, on the server and without script. The line's style carries the meaning
/// (solid, dashed, dotted) and the key says so, so colour is never the only cue; every colour is GOV.UK's own and
/// has at least 4.5:1 contrast on white. Screen readers get the title and summary; the page's table has the detail.
/// </summary>
public static class ConnectionsSvg
{
    private const string Ink = "#0b0c0c";
    private const string Blue = "#1d70b8";
    private const string Grey = "#505a5f";

    /// <summary>How each kind of connection is drawn: colour, width and dash pattern (none for a solid line).</summary>
    public static (string Colour, string Width, string? Dashes) Stroke(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Direct => (Ink, "4", null),
        ConnectionKind.Indirect => (Blue, "3", "12 8"),
        ConnectionKind.None => (Grey, "3", "1 8"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind"),
    };

    public static string Render(ConnectionsMap map, string id)
    {
        ArgumentNullException.ThrowIfNull(map);
        var layout = ConnectionsLayout.For(map);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-connections-map\" role=\"img\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" width=\"100%\"")
            .Append(CultureInfo.InvariantCulture, $" aria-labelledby=\"{X(id)}-title\" aria-describedby=\"{X(id)}-desc\" font-size=\"{N(ConnectionsLayout.FontSize)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{X(id)}-title\">{X(Possessive(map.ChildName))} connections</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{X(id)}-desc\">{X(Describe(map))}</desc>");

        // Lines first, so the child's circle and the people's points sit on top of them.
        svg.Append("<g class=\"app-connections-map__lines\">");
        foreach (var p in layout.People)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(layout.CentreX)}\" y1=\"{N(layout.CentreY)}\" x2=\"{N(p.X)}\" y2=\"{N(p.Y)}\"{StrokeAttributes(p.Person.Kind)}")
                .Append(CultureInfo.InvariantCulture, $" data-person=\"{p.Person.PersonId}\" data-kind=\"{Kind(p.Person.Kind)}\"/>");
        }
        svg.Append("</g>");

        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(layout.CentreX)}\" cy=\"{N(layout.CentreY)}\" r=\"{N(layout.ChildRadius)}\" fill=\"#ffffff\" stroke=\"{Ink}\" stroke-width=\"3\"/>");
        var childTop = layout.CentreY - (layout.ChildLines.Count - 1) * ConnectionsLayout.LineHeight / 2 + ConnectionsLayout.ChildFontSize * 0.35;
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"app-connections-map__child\" text-anchor=\"middle\" font-size=\"{N(ConnectionsLayout.ChildFontSize)}\" font-weight=\"bold\" fill=\"{Ink}\">");
        for (var i = 0; i < layout.ChildLines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(layout.CentreX)}\" y=\"{N(childTop + i * ConnectionsLayout.LineHeight)}\">{X(layout.ChildLines[i])}</tspan>");
        }
        svg.Append("</text>");

        foreach (var p in layout.People)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"app-connections-map__person\" data-person=\"{p.Person.PersonId}\">");
            svg.Append(Point(p.X, p.Y, p.Person.Kind));
            var x = p.OnRight ? p.Label.Left : p.Label.Right;
            svg.Append(CultureInfo.InvariantCulture, $"<text text-anchor=\"{(p.OnRight ? "start" : "end")}\" fill=\"{Ink}\">");
            var baseline = p.Label.Top + ConnectionsLayout.LineHeight * 0.75;
            foreach (var line in p.NameLines)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(x)}\" y=\"{N(baseline)}\" font-weight=\"bold\">{X(line)}</tspan>");
                baseline += ConnectionsLayout.LineHeight;
            }
            foreach (var line in p.DetailLines)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(x)}\" y=\"{N(baseline)}\">{X(line)}</tspan>");
                baseline += ConnectionsLayout.LineHeight;
            }
            svg.Append("</text></g>");
        }

        AppendKey(svg, layout);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendKey(StringBuilder svg, MapLayout layout)
    {
        const double left = 24;
        var y = layout.LegendTop;
        svg.Append("<g class=\"app-connections-map__key\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left)}\" y=\"{N(y + 16)}\" font-weight=\"bold\" fill=\"{Ink}\">Key</text>");
        y += 32;
        foreach (var kind in new[] { ConnectionKind.Direct, ConnectionKind.Indirect, ConnectionKind.None })
        {
            var mid = y + ConnectionsLayout.LegendRow / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left)}\" y1=\"{N(mid)}\" x2=\"{N(left + 64)}\" y2=\"{N(mid)}\"{StrokeAttributes(kind)}/>");
            svg.Append(Point(left + 64, mid, kind));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + 84)}\" y=\"{N(mid + 5)}\" fill=\"{Ink}\">{X(KeyText(kind))}</text>");
            y += ConnectionsLayout.LegendRow;
        }
        svg.Append("</g>");
    }

    private static string KeyText(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Direct => "Solid line: face to face",
        ConnectionKind.Indirect => "Dashed line: phone, video, messages or letters",
        _ => "Dotted grey line: no family time in the plan",
    };

    /// <summary>A filled point for face to face, a ring for the others: a second cue beside the line.</summary>
    private static string Point(double x, double y, ConnectionKind kind)
    {
        var (colour, _, _) = Stroke(kind);
        return kind == ConnectionKind.Direct
            ? $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(ConnectionsLayout.NodeRadius)}\" fill=\"{colour}\"/>"
            : $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(ConnectionsLayout.NodeRadius - 1.5)}\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"3\"/>";
    }

    private static string StrokeAttributes(ConnectionKind kind)
    {
        var (colour, width, dashes) = Stroke(kind);
        return $" stroke=\"{colour}\" stroke-width=\"{width}\""
            + (dashes is null ? "" : $" stroke-dasharray=\"{dashes}\"")
            + (kind == ConnectionKind.None ? " stroke-linecap=\"round\"" : "");
    }

    private static string Kind(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Direct => "direct",
        ConnectionKind.Indirect => "indirect",
        _ => "none",
    };

    /// <summary>What a screen reader hears for the picture: who is in it, counted by kind, and where the detail is.</summary>
    public static string Describe(ConnectionsMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var count = map.People.Count;
        var direct = map.People.Count(p => p.Kind == ConnectionKind.Direct);
        var indirect = map.People.Count(p => p.Kind == ConnectionKind.Indirect);
        var none = count - direct - indirect;
        return $"{map.ChildName} is in the centre, with {count} {(count == 1 ? "person" : "people")} who matter around: "
            + $"{direct} seen face to face, {indirect} in touch by phone, video, messages or letters, and {none} with no family time in the plan. "
            + "The table after the map lists each person, their relationship and how often they are in touch.";
    }

    private static string Possessive(string name) => name.EndsWith('s') ? name + "’" : name + "’s";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for SVG inside HTML: names are typed by people and must never become markup.</summary>
    public static string X(string value)
    {
        var s = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            s.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return s.ToString();
    }
}
