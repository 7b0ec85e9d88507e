namespace FamilyTime.Web.Features.Plans.Letters;

/// <summary>One part of a letter: an optional heading and its paragraphs or list items.</summary>
public sealed record LetterSection(string? Heading, IReadOnlyList<string> Paragraphs, bool AsList = false);

/// <summary>
/// What a letter says, independent of how it is shown: the same content becomes the HTML page and the PDF,
/// so the family receives exactly what the worker read.
/// </summary>
/// <param name="AddressBlock">The recipient's name and postal address, for a letter sent by post (empty when there is no address).</param>
/// <param name="ReplyTo">How to answer: the service's and the social worker's phone and e-mail.</param>
public sealed record LetterContent(string Council, string Title, DateOnly Date, string Greeting, IReadOnlyList<LetterSection> Sections, string SignOff, string Signatory,
    IReadOnlyList<string>? AddressBlock = null, IReadOnlyList<string>? ReplyTo = null)
{
    /// <summary>Every piece of text in the letter, for the family guard: nothing in it escapes the check.</summary>
    public IEnumerable<string> AllText() =>
        new[] { Council, Title, Greeting, SignOff, Signatory }
            .Concat(Sections.SelectMany(s => (s.Heading is null ? [] : new[] { s.Heading }).Concat(s.Paragraphs)))
            .Concat(AddressBlock ?? []).Concat(ReplyTo ?? []);
}
