namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>One part of a letter: an optional heading and its paragraphs or list items.</summary>
public sealed record LetterSection(string? Heading, IReadOnlyList<string> Paragraphs, bool AsList = false);

/// <summary>
/// What a letter says, independent of how it is shown: the same content becomes the HTML page and the PDF,
/// so the family receives exactly what the worker read.
/// </summary>
public sealed record LetterContent(string Council, string Title, DateOnly Date, string Greeting, IReadOnlyList<LetterSection> Sections, string SignOff, string Signatory);
