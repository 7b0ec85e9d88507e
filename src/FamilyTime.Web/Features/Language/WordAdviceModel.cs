using FamilyTime.Domain.Language;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyTime.Web.Features.Language;

/// <summary>
/// One field of a form and the language check's advice on what was written in it. <paramref name="Field"/> is the
/// form field's name ("Input.Concerns"), so the advice can link to the box; <paramref name="Text"/> is what was
/// written, so each phrase is shown in its sentence.
/// </summary>
public sealed record FieldAdvice(string Field, string Label, string Text, IReadOnlyList<WordAdvice> Advice)
{
    private const int Around = 40;

    public string FieldId => TagBuilder.CreateSanitizedId(Field, "_");

    /// <summary>The words either side of a flagged phrase, cut at a word boundary, for the phrase to be read in context.</summary>
    public (string Before, string Found, string After) InContext(WordAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var start = Math.Clamp(advice.Start, 0, Text.Length);
        var end = Math.Clamp(advice.Start + advice.Length, start, Text.Length);
        var from = Math.Max(0, start - Around);
        var to = Math.Min(Text.Length, end + Around);
        var before = Text[from..start];
        var after = Text[end..to];
        if (from > 0)
        {
            before = "…" + (before.IndexOf(' ', StringComparison.Ordinal) is var i && i >= 0 ? before[(i + 1)..] : before);
        }
        if (to < Text.Length)
        {
            after = (after.LastIndexOf(' ') is var j && j > 0 ? after[..j] : after) + "…";
        }
        return (before, Text[start..end], after);
    }
}

/// <summary>
/// The model of the shared partial Features/Shared/_WordAdvice.cshtml: advice for each field of a record, rendered as a
/// GOV.UK inset with each flagged phrase highlighted in its sentence, why, and kinder words. It advises; the form still saves.
/// </summary>
public sealed record WordAdviceModel(IReadOnlyList<FieldAdvice> Fields)
{
    public static readonly WordAdviceModel None = new([]);

    public bool Any => Fields.Any(f => f.Advice.Count > 0);

    public int Count => Fields.Sum(f => f.Advice.Count);

    /// <summary>
    /// Checks each field's text. <paramref name="childsWordForFamilyTime"/> is the child's own name for family time
    /// (Child.FamilyTimeName), so "contact" is flagged where the child has chosen another word.
    /// </summary>
    public static WordAdviceModel Check(LanguageCheck check, string? childsWordForFamilyTime, IEnumerable<(string Field, string Label, string? Text)> fields)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(fields);
        return new WordAdviceModel(fields
            .Select(f => new FieldAdvice(f.Field, f.Label, f.Text ?? "", check.Check(f.Text, childsWordForFamilyTime)))
            .ToList());
    }
}
