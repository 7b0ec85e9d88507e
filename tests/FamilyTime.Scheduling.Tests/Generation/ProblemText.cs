using System.Globalization;
using System.Text;
using FamilyTime.Scheduling.Model;

namespace FamilyTime.Scheduling.Tests.Generation;

/// <summary>A problem written out field by field, so two problems can be compared whole (records hold lists by reference).</summary>
internal static class ProblemText
{
    public static string Describe(RotaProblem p)
    {
        var b = new StringBuilder();
        void Line(FormattableString s) => b.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"{p.Area} {p.WeekStart:yyyy-MM-dd} {p.Weights} {p.Options} pins {p.Pins.Count} published {p.Published.Count}");
        foreach (var r in p.Rooms)
            Line($"room {r.Id} {r.VenueId} {r.Name} {r.VenueName} {r.Place} {r.Capacity} {r.Features} {string.Join(";", r.Open)}");
        foreach (var w in p.Workers)
            Line($"worker {w.Id} {w.Name} {w.Skills} {string.Join(",", w.Languages.Order(StringComparer.Ordinal))} {string.Join(";", w.Available)} {w.BasePlace} {w.MaxMinutesPerWeek}");
        foreach (var s in p.Sessions)
            Line($"session {s with { ParentIds = [] }} parents {string.Join(",", s.ParentIds)}");
        Line($"places {string.Join(",", p.Travel.Places)}");
        for (var i = 0; i < p.Travel.Places.Count; i++)
            Line($"{string.Join(" ", Enumerable.Range(0, p.Travel.Places.Count).Select(j => p.Travel.Minutes[i, j]))}");
        return b.ToString();
    }
}
