using System.Globalization;
using FamilyTime.Domain.Records;
using FamilyTime.Web.Infrastructure;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Writer;
using FamilyTime.Domain.Analysis;

namespace FamilyTime.Web.Features.Analysis;

/// <summary>One record version an assessment drew on, with the date of its session.</summary>
public sealed record DrawnOnVersion(DateOnly SessionDate, RecordVersion Version);

/// <summary>A saved assessment with everything the court needs to read it: the chronology, the text, the records.</summary>
public sealed record AssessmentDocument(
    string ChildName,
    DateOnly DateOfBirth,
    string PersonName,
    string? Relationship,
    Assessment Assessment,
    PeriodSummary? Summary,
    IReadOnlyList<DrawnOnVersion> DrawnOn);

/// <summary>
/// The court-ready PDF of an assessment: it opens with the chronology (each session linked to its record further
/// on), then the worker's assessment, then every record version it drew on in full, corrections and all.
/// </summary>
public static class AnalysisPdf
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Render(AssessmentDocument doc, string council)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var a = doc.Assessment;
        using var builder = new PdfDocumentBuilder();
        var title = $"Assessment of family time with {doc.PersonName}";
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = council;
        var w = new PdfPageWriter(builder);

        w.Paragraph(council, 9, bold: false, after: 14);
        w.Paragraph(title, 16, bold: true, after: 10);
        w.Paragraph($"Child: {doc.ChildName}, born {PeriodWords.Date(doc.DateOfBirth)}", 11, bold: false, after: 4);
        w.Paragraph($"With: {doc.PersonName}{(doc.Relationship is null ? "" : $" ({doc.Relationship.ToLowerInvariant()})")}", 11, bold: false, after: 4);
        w.Paragraph($"Period: {PeriodWords.Date(a.From)} to {PeriodWords.Date(a.To)}", 11, bold: false, after: 4);
        w.Paragraph($"Saved by {a.SavedByName} on {When(a.SavedAt)}", 11, bold: false, after: 12);

        var links = new List<(PlacedText Line, Guid VersionId)>();
        w.Paragraph("Chronology", 13, bold: true, after: 6);
        if (doc.Summary is { } s)
        {
            w.Paragraph(s.Headline + ".", 11, bold: true, after: 6);
            foreach (var line in s.Chronology)
            {
                var placed = w.Paragraph("• " + line.Text, 10, bold: false, after: 3, hanging: 10);
                if (placed is not null && line.RecordVersionId is { } v)
                {
                    links.Add((placed, v));
                }
            }
        }
        w.Space(10);
        w.Paragraph("Assessment", 13, bold: true, after: 6);
        foreach (var paragraph in a.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                w.Space(6);
                continue;
            }
            w.Paragraph(paragraph, 11, bold: false, after: 2, hanging: paragraph.StartsWith("- ", StringComparison.Ordinal) ? 8 : 0);
        }

        var targets = new Dictionary<Guid, ExplicitDestination>();
        if (doc.DrawnOn.Count > 0)
        {
            w.NewPage();
            w.Paragraph("The records this assessment drew on", 13, bold: true, after: 8);
            foreach (var drawn in doc.DrawnOn)
            {
                targets[drawn.Version.Id] = w.Here();
                Record(w, drawn);
            }
        }
        // The records come after the chronology, so its links are added once their pages are known.
        foreach (var (line, versionId) in links)
        {
            if (targets.TryGetValue(versionId, out var target))
            {
                line.Page.AddLink(target, line.Area);
            }
        }
        return builder.Build();
    }

    private static void Record(PdfPageWriter w, DrawnOnVersion drawn)
    {
        var v = drawn.Version;
        w.Space(6);
        w.Paragraph($"Record of family time on {PeriodWords.Date(drawn.SessionDate)}, version {v.Number}", 11, bold: true, after: 3);
        w.Paragraph($"Written by {v.WrittenByName} on {When(v.WrittenAt)}", 10, bold: false, after: 2);
        if (v.CorrectionReason is { } reason)
        {
            w.Paragraph($"Correction to the earlier version: {reason}", 10, bold: false, after: 2);
        }
        var vocabulary = AgeBands.Vocabulary(v.AgeBand).ToDictionary(x => x.Code, x => x.Words);
        foreach (var (label, value) in new (string, string?)[]
        {
            ("Who attended", v.WhoAttended),
            ("Parent arrived", v.ParentArrivedAt?.ToString("HH:mm", English)),
            ("Started", v.StartedAt?.ToString("HH:mm", English)),
            ("Ended", v.EndedAt?.ToString("HH:mm", English)),
            ("What was seen", v.Observations.Count == 0 ? null : string.Join("; ", v.Observations.Select(o => vocabulary.GetValueOrDefault(o, o)))),
            ("What happened", v.Interaction),
            ("What went well", v.Positives),
            ("Worries", v.Concerns),
            ("The child's words", v.ChildsWords),
            ("Ended early", v.EndedEarly ? v.EndedEarlyReason ?? "Yes" : null),
            ("Debrief with the child", v.Debrief),
            ("Attunement", v.AssessedAttunement),
            ("Boundaries", v.AssessedBoundaries),
            ("Safety", v.AssessedSafety),
            ("Warmth", v.AssessedWarmth),
            ("The worker's analysis", v.Analysis),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                w.Paragraph($"{label}: {OneLine(value)}", 10, bold: false, after: 2);
            }
        }
    }

    private static string OneLine(string s) => s.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

    private static string When(DateTime utc) => LondonTime.ToLondon(utc).ToString("d MMMM yyyy 'at' HH:mm", English);
}
