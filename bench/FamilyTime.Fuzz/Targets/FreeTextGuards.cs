using FamilyTime.Domain.Privacy;
using FamilyTime.Domain.Records;

namespace FamilyTime.Fuzz.Targets;

/// <summary>
/// The guards over free text a parent or worker types, before a family sees it. Input: the facts, one per line (line
/// n goes to the n-th of HomeFacts' nine lists, round and round: carers, home addresses, towns, postcodes, home
/// names, schools, school addresses, other children, allowed names), then a line holding only "|", then the text.
/// The facts are typed too (a carer's name, an address), so both halves are fuzzed: <see cref="HomeGuard"/> builds
/// its patterns from them and finds, redacts and highlights in the text; <see cref="Redactor"/> removes the facts'
/// lines as third-party names. Refusal allowed: none; every text has an answer.
/// </summary>
internal static class FreeTextGuards
{
    public static void Run(byte[] data)
    {
        var input = FuzzTargets.Text(data);
        var split = input.IndexOf("\n|\n", StringComparison.Ordinal);
        var (factsText, text) = split < 0 ? (input, input) : (input[..split], input[(split + 3)..]);
        var lists = Enumerable.Range(0, 9).Select(_ => new List<string>()).ToArray();
        var lines = factsText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lists[i % 9].Add(lines[i]);
        }
        var guard = HomeGuard.For(new HomeFacts(lists[0], lists[1], lists[2], lists[3], lists[4], lists[5], lists[6], lists[7], lists[8]));
        _ = guard.Redact(text, lists[8]);
        var pieces = guard.Highlight(text);
        if (string.Concat(pieces.Select(p => p.Text)) != text)
        {
            throw new InvalidOperationException("HomeGuard.Highlight's pieces do not make up the text.");
        }
        _ = guard.Leaks([text, factsText]);
        _ = Redactor.Redact(text, lines.SelectMany(Redactor.NameAndParts));
    }
}
