using System.Text.RegularExpressions;

namespace FamilyTime.Domain.Records;

/// <summary>
/// Takes third parties' details out of what a parent is shown: the names of other people in the child's life,
/// the carers, phone numbers, email addresses and postcodes. What is left says what was seen, not who else was there.
/// </summary>
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
            result = Regex.Replace(result, $@"(?<![\p{{L}}]){Regex.Escape(name)}(?![\p{{L}}])", Removed, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
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

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+44\s?|0)\d[\d\s-]{8,12}\d", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Postcode();
}
