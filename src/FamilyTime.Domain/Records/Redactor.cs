using System.Text.RegularExpressions;

namespace FamilyTime.Domain.Records;

/// <summary>
/// Takes third parties' details out of what a parent is shown: the names of other people in the child's life,
/// the carers, phone numbers, email addresses and postcodes. What is left says what was seen, not who else was there.
/// </summary>
/// <remarks>
/// Redaction never gives up part way: there is no wall-clock match timeout, which a busy machine can trip on any
/// text and turn a parent's record into an error. Every match runs in time linear in the text instead. The patterns
/// for email addresses, phones and postcodes run on the non-backtracking engine. A name is a literal between
/// one-character lookarounds, which that engine does not support; on the backtracking engine such a pattern has
/// nothing to backtrack into (no quantifier), so it too costs at most the name's length per position in the text.
/// It stays there because the non-backtracking engine takes far longer to build a pattern than to run this one, and
/// a pattern is built for every name on every record read.
/// </remarks>
public static partial class Redactor
{
    public const string Removed = "[removed]";

    public static string? Redact(string? text, IEnumerable<string> thirdParties)
    {
        ArgumentNullException.ThrowIfNull(thirdParties);
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var result = Email().Replace(text, Removed);
        result = Phone().Replace(result, Removed);
        result = Postcode().Replace(result, Removed);
        // Longest first, so "Sarah Jones" goes as a whole before "Sarah" is looked for.
        foreach (var name in thirdParties.Where(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length >= 3).Select(n => n.Trim()).Distinct().OrderByDescending(n => n.Length))
        {
            // The name as a whole word: not inside a longer word ("Sam" stays in "Samantha"). Linear, so no timeout.
            result = Regex.Replace(result, $@"(?<![\p{{L}}]){Regex.Escape(name)}(?![\p{{L}}])", Removed, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
        }
        return result;
    }

    /// <summary>A full name and its parts (first name, surname) as separate things to remove.</summary>
    public static IEnumerable<string> NameAndParts(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        yield return fullName;
        foreach (var part in fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return part;
        }
    }

    // NonBacktracking: linear in the text whatever it holds, so these need no timeout; same matches as before.
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+44\s?|0)\d[\d\s-]{8,12}\d", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
