namespace FamilyTime.Web.Features.Children.Connections;

/// <summary>A rectangle in the map's own units (the SVG viewBox), for labels.</summary>
public readonly record struct Box(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
    public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
}

/// <summary>A person's place on the map: their point, which side their label sits on, its lines and the room it takes.</summary>
public sealed record PlacedPerson(Connection Person, double X, double Y, bool OnRight, IReadOnlyList<string> NameLines, IReadOnlyList<string> DetailLines, Box Label);

public sealed record MapLayout(
    double Width,
    double Height,
    double CentreX,
    double CentreY,
    double ChildRadius,
    IReadOnlyList<string> ChildLines,
    IReadOnlyList<PlacedPerson> People,
    double LegendTop);

/// <summary>
/// Where everything goes on the connections map. People sit in two columns on an ellipse round the child, the
/// first half down the right and the rest up the left, so reading clockwise from the top follows the table.
/// Each column is spaced by its tallest label, so labels never overlap however many people there are, and a
/// line from the centre (inside the ellipse) never crosses a label (outside it). The map grows taller, not
/// smaller, with more people; the viewBox lets the page scale it.
/// </summary>
public static class ConnectionsLayout
{
    public const double FontSize = 16;
    public const double ChildFontSize = 20;
    public const double LineHeight = 20;
    public const double NodeRadius = 9;
    public const double LegendRow = 28;
    public const int LabelChars = 30;

    // A generous average glyph width, so text estimated to fit its box does in the fonts a browser may use.
    private const double CharWidth = 0.6 * FontSize;
    private const double LabelWidth = LabelChars * CharWidth;
    private const double LabelGap = 16;
    private const double Reach = 210;
    private const double Margin = 24;
    private const double RowGap = 22;
    private const double LegendHeight = 32 + 3 * LegendRow + Margin;

    public static MapLayout For(ConnectionsMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var childLines = Wrap(map.ChildName, 14, 2);
        var childRadius = Math.Max(56, childLines.Max(l => l.Length) * 0.65 * ChildFontSize / 2 + 16);

        var labels = map.People
            .Select(p => new Label(p, Wrap(p.Name, LabelChars, 2), [.. Wrap(p.Relationship, LabelChars, 1), .. Wrap(p.HowOften, LabelChars, 4)]))
            .ToList();
        var rightCount = (labels.Count + 1) / 2;
        var right = labels.Take(rightCount).ToList();
        var left = labels.Skip(rightCount).Reverse().ToList();
        var rightStep = Step(right);
        var leftStep = Step(left);
        // Half the height the people need above and below the child's centre.
        var halfExtent = Math.Max(Math.Max(right.Count * rightStep, left.Count * leftStep) / 2, childRadius + Margin);

        var width = 2 * (Reach + LabelGap + LabelWidth + Margin);
        var cx = width / 2;
        var cy = Margin + halfExtent;
        var people = Place(right, rightStep, cx, cy, onRight: true).Concat(Place(left, leftStep, cx, cy, onRight: false)).ToList();
        var legendTop = cy + halfExtent + Margin;
        return new MapLayout(width, legendTop + LegendHeight, cx, cy, childRadius, childLines, people, legendTop);
    }

    private sealed record Label(Connection Person, IReadOnlyList<string> Name, IReadOnlyList<string> Detail)
    {
        public int Lines => Name.Count + Detail.Count;
    }

    private static double Step(IReadOnlyList<Label> column) => column.Count == 0 ? 0 : column.Max(l => l.Lines) * LineHeight + RowGap;

    private static IEnumerable<PlacedPerson> Place(IReadOnlyList<Label> column, double step, double cx, double cy, bool onRight)
    {
        var span = (column.Count - 1) * step;
        // Tall enough that the top and bottom people stay clear of the centre line, short enough to look round.
        var ry = span / 2 + step * 0.75;
        for (var i = 0; i < column.Count; i++)
        {
            var label = column[i];
            var dy = -span / 2 + i * step;
            var dx = Reach * Math.Sqrt(1 - (dy / ry) * (dy / ry));
            var x = onRight ? cx + dx : cx - dx;
            var y = cy + dy;
            var height = label.Lines * LineHeight;
            var textWidth = label.Name.Concat(label.Detail).Max(l => l.Length) * CharWidth;
            var box = new Box(onRight ? x + LabelGap : x - LabelGap - textWidth, y - height / 2, textWidth, height);
            yield return new PlacedPerson(label.Person, x, y, onRight, label.Name, label.Detail, box);
        }
    }

    /// <summary>Breaks text into lines of at most <paramref name="width"/> characters at spaces; the last line ends "…" if text is left over.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > width)
            {
                // A word longer than a line is split rather than overflowing the box: after a hyphen of its own
                // (a double-barrelled surname) if it has one, otherwise with a hyphen added.
                if (line.Length > 0)
                {
                    lines.Add(line);
                    line = "";
                }
                var hyphen = rest.LastIndexOf('-', width - 1);
                var cut = hyphen > 0 ? hyphen + 1 : width - 1;
                lines.Add(hyphen > 0 ? rest[..cut] : rest[..cut] + "-");
                rest = rest[cut..];
            }
            if (line.Length == 0)
            {
                line = rest;
            }
            else if (line.Length + 1 + rest.Length <= width)
            {
                line += " " + rest;
            }
            else
            {
                lines.Add(line);
                line = rest;
            }
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        kept[^1] = (last.Length >= width ? last[..(width - 1)] : last) + "…";
        return kept;
    }
}
