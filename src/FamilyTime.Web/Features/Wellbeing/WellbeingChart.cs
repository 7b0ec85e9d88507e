using System.Globalization;
using System.Text;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Features.Children.Connections;
using FamilyTime.Domain.Wellbeing;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>
/// Draws one person's before-and-after trend as inline SVG, on the server and without script: x is the session's
/// date, y the highest of the seven ratings (one very bad night matters even when the rest is calm). After is a solid
/// line with filled circles, before a dashed line with hollow squares, so colour is never the only cue; the colours
/// are GOV.UK's with at least 4.5:1 contrast on white. The table beside it holds every rating.
/// </summary>
public static class WellbeingChart
{
    private const string Ink = "#0b0c0c";
    private const string Blue = "#1d70b8";
    private const string Grey = "#505a5f";
    private const string Rule = "#b1b4b6";
    private const double Width = 640, Left = 150, Right = 24, Top = 16, PlotHeight = 176, AxisGap = 34, LegendRow = 26;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(WellbeingSeries series, string childName, string id)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plotBottom = Top + PlotHeight;
        var legendTop = plotBottom + AxisGap + 12;
        var height = legendTop + 2 * LegendRow + 8;
        var svg = new StringBuilder();
        // The page's font is given as an attribute: the content security policy allows no inline styles.
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-wellbeing-chart\" role=\"img\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\"")
            .Append(CultureInfo.InvariantCulture, $" aria-labelledby=\"{X(id)}-title\" aria-describedby=\"{X(id)}-desc\" font-size=\"14\" font-family=\"arial, sans-serif\" data-with=\"{X(series.With)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{X(id)}-title\">How {X(childName)} was before and after family time with {X(series.With)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{X(id)}-desc\">{X(Describe(series))}</desc>");

        // The scale: a rule and a label for each rating, 5 (very unsettled) at the top.
        foreach (var (value, words) in RatingWords.Scale)
        {
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\" stroke=\"{Rule}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 8)}\" y=\"{N(y + 5)}\" text-anchor=\"end\" fill=\"{Ink}\">{value} {X(words.ToLower(British))}</text>");
        }

        var sessions = series.Sessions;
        var first = sessions[0].Date.DayNumber;
        var span = sessions[^1].Date.DayNumber - first;
        double Xof(RatedSession s) => span == 0 ? Left + (Width - Left - Right) / 2 : Left + 12 + (s.Date.DayNumber - first) * (Width - Left - Right - 24) / span;

        // Dates under the axis: all of them when few, otherwise the first, the last and a few between.
        var step = Math.Max(1, (int)Math.Ceiling(sessions.Count / 5.0));
        for (var i = 0; i < sessions.Count; i++)
        {
            if (i % step == 0 || i == sessions.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Xof(sessions[i]))}\" y=\"{N(plotBottom + 24)}\" text-anchor=\"middle\" fill=\"{Ink}\">{X(sessions[i].Date.ToString("d MMM", British))}</text>");
            }
        }

        AppendSeries(svg, sessions.Where(s => s.Before is not null).Select(s => (Xof(s), s.Before!, s.SessionId)).ToList(), before: true);
        AppendSeries(svg, sessions.Where(s => s.After is not null).Select(s => (Xof(s), s.After!, s.SessionId)).ToList(), before: false);

        svg.Append("<g class=\"app-wellbeing-chart__key\">");
        AppendKey(svg, legendTop, before: false, "After the session (solid line, filled circles)");
        AppendKey(svg, legendTop + LegendRow, before: true, "Before the session (dashed line, hollow squares)");
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static void AppendSeries(StringBuilder svg, List<(double X, CarerObservation O, Guid Session)> points, bool before)
    {
        if (points.Count == 0)
        {
            return;
        }
        var moment = before ? "before" : "after";
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"app-wellbeing-chart__{moment}\">");
        if (points.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\"{Stroke(before)} points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(Y(p.O.Highest))}"))}\"/>");
        }
        foreach (var p in points)
        {
            svg.Append(Marker(p.X, Y(p.O.Highest), before, $" data-series=\"{moment}\" data-session=\"{p.Session}\" data-rating=\"{p.O.Highest}\""));
        }
        svg.Append("</g>");
    }

    private static void AppendKey(StringBuilder svg, double top, bool before, string text)
    {
        var mid = top + LegendRow / 2;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(mid)}\" x2=\"{N(Left + 56)}\" y2=\"{N(mid)}\"{Stroke(before)}/>");
        svg.Append(Marker(Left + 28, mid, before, ""));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left + 70)}\" y=\"{N(mid + 5)}\" fill=\"{Ink}\">{X(text)}</text>");
    }

    private static string Stroke(bool before) => before
        ? $" stroke=\"{Grey}\" stroke-width=\"2\" stroke-dasharray=\"8 6\""
        : $" stroke=\"{Blue}\" stroke-width=\"3\"";

    private static string Marker(double x, double y, bool before, string data) => before
        ? $"<rect x=\"{N(x - 5)}\" y=\"{N(y - 5)}\" width=\"10\" height=\"10\" fill=\"#ffffff\" stroke=\"{Grey}\" stroke-width=\"2\"{data}/>"
        : $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"6\" fill=\"{Blue}\"{data}/>";

    private static double Y(int rating) => Top + (5 - rating) * PlotHeight / 4;

    /// <summary>What a screen reader hears: the span, and each after-session rating in words; the table has the rest.</summary>
    public static string Describe(WellbeingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var s = series.Sessions;
        var afters = s.Where(x => x.After is not null).ToList();
        var distressed = afters.Count(x => x.After!.ShowsDistress);
        var text = new StringBuilder($"The highest of the seven ratings for {s.Count} {(s.Count == 1 ? "session" : "sessions")} with {series.With}, ")
            .Append(CultureInfo.InvariantCulture, $"from {s[0].Date.ToString("d MMMM yyyy", British)} to {s[^1].Date.ToString("d MMMM yyyy", British)}, from 1 (very settled) to 5 (very unsettled). ");
        if (afters.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"After the session: {string.Join(", ", afters.Select(x => $"{x.Date.ToString("d MMM", British)} {x.After!.Highest}"))}; ")
                .Append(CultureInfo.InvariantCulture, $"unsettled or very unsettled after {distressed} of {afters.Count}. ");
        }
        return text.Append("The table after the chart lists every rating.").ToString();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string value) => ConnectionsSvg.X(value);
}
