using System.Globalization;
using System.Text;
using FamilyTime.Domain.Wellbeing;
using FamilyTime.Web.Features.Children.Connections;

namespace FamilyTime.Web.Features.Wellbeing;

/// <summary>
/// Draws one person's family time month by month as inline SVG bars, on the server and without script: x the month,
/// y the sessions held. The recent months a fading relationship is judged on are marked with a dashed line at the
/// earlier monthly average, so a fall is seen against what it was. GOV.UK colours, 4.5:1 on white; the table beside
/// it holds every number.
/// </summary>
public static class TrendChart
{
    private const string Ink = "#0b0c0c";
    private const string Blue = "#1d70b8";
    private const string Grey = "#505a5f";
    private const string Rule = "#b1b4b6";
    private const double Width = 640, Left = 40, Right = 16, Top = 16, PlotHeight = 160, AxisGap = 34;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(PersonTrend trend, string childName, string id)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var months = trend.Months;
        var max = Math.Max(4, months.Count == 0 ? 0 : months.Max(m => m.Held));
        var bottom = Top + PlotHeight;
        var height = bottom + AxisGap + 8;
        double Y(double v) => bottom - v * PlotHeight / max;
        var slot = (Width - Left - Right) / Math.Max(1, months.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-trend-chart\" role=\"img\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\"")
            .Append(CultureInfo.InvariantCulture, $" aria-labelledby=\"{X(id)}-title\" aria-describedby=\"{X(id)}-desc\" font-size=\"14\" font-family=\"arial, sans-serif\" data-with=\"{X(trend.Name)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{X(id)}-title\">Family time {X(childName)} has had with {X(trend.Name)}, month by month</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{X(id)}-desc\">{X(Describe(trend))}</desc>");
        var step = max <= 6 ? 1 : (int)Math.Ceiling(max / 6.0);
        for (var v = 0; v <= max; v += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(Y(v))}\" x2=\"{N(Width - Right)}\" y2=\"{N(Y(v))}\" stroke=\"{Rule}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 6)}\" y=\"{N(Y(v) + 5)}\" text-anchor=\"end\" fill=\"{Ink}\">{v}</text>");
        }
        var labelEvery = Math.Max(1, (int)Math.Ceiling(months.Count / 8.0));
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Left + i * slot;
            var barWidth = Math.Max(2, slot * 0.7);
            if (m.Held > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + (slot - barWidth) / 2)}\" y=\"{N(Y(m.Held))}\" width=\"{N(barWidth)}\" height=\"{N(bottom - Y(m.Held))}\" fill=\"{Blue}\" data-month=\"{m.Month:yyyy-MM}\" data-held=\"{m.Held}\"/>");
            }
            if (i % labelEvery == 0 || i == months.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + slot / 2)}\" y=\"{N(bottom + 22)}\" text-anchor=\"middle\" fill=\"{Ink}\">{X(m.Month.ToString("MMM yy", British))}</text>");
            }
        }
        if (trend.EarlierPerMonth > 0)
        {
            var y = Y(trend.EarlierPerMonth);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"app-trend-chart__earlier\" x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\" stroke=\"{Grey}\" stroke-width=\"2\" stroke-dasharray=\"8 6\"/>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>What a screen reader hears, and what the page says under the chart: the span, the averages, and whether it is fading.</summary>
    public static string Describe(PersonTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var m = trend.Months;
        if (m.Count == 0)
        {
            return $"No months in care yet with {trend.Name}.";
        }
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"Sessions held with {trend.Name} each month from {m[0].Month.ToString("MMMM yyyy", British)} to {m[^1].Month.ToString("MMMM yyyy", British)}: {m.Sum(x => x.Held)} in all. ");
        if (trend.EarlierPerMonth > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"On average {trend.EarlierPerMonth:0.#} a month before the last {FamilyTimeTrend.RecentMonths} months (the dashed line), and {trend.RecentPerMonth:0.#} a month in them. ");
        }
        if (trend.Fading)
        {
            text.Append("Family time with them is fading: it has fallen to less than half of what it was.");
        }
        return text.ToString().TrimEnd();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string value) => ConnectionsSvg.X(value);
}
