using System.Text.RegularExpressions;

namespace FamilyTime.Domain.Notifications;

/// <summary>
/// A name and address as the post reads them: one line each, at most seven, the postcode last. The same lines go in
/// the window of an envelope printed here and to GOV.UK Notify's printers, which refuse an address they cannot post to.
/// </summary>
public static partial class PostalAddress
{
    /// <summary>GOV.UK Notify prints at most 7 address lines, and needs at least 3 (a name and two more).</summary>
    public const int MaxLines = 7;
    public const int MinLines = 3;

    /// <summary>The name, then the address split at commas and line breaks; empty when there is no address.</summary>
    public static IReadOnlyList<string> Lines(string name, string? address)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.IsNullOrWhiteSpace(address)
            ? []
            : Fit([name.Trim(), .. address.Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }

    /// <summary>
    /// At most <see cref="MaxLines"/> lines: the ones between the sixth and the last (the postcode) are joined into the
    /// sixth with commas, so nothing of the address is dropped and the postcode stays on its own line.
    /// </summary>
    public static IReadOnlyList<string> Fit(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var kept = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
        if (kept.Count <= MaxLines)
        {
            return kept;
        }
        return [.. kept.Take(MaxLines - 2), string.Join(", ", kept.Skip(MaxLines - 2).Take(kept.Count - MaxLines + 1)), kept[^1]];
    }

    /// <summary>Why the post could not use these lines, in words for the person who must find the right address; null when it can.</summary>
    public static string? Problem(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return "There is no postal address on the record.";
        }
        if (lines.Count < MinLines)
        {
            return $"The address has {lines.Count - 1} line{(lines.Count == 2 ? "" : "s")} after the name; the post needs at least {MinLines - 1}, ending with the postcode.";
        }
        if (lines.Count > MaxLines)
        {
            return $"The address has more than {MaxLines} lines with the name.";
        }
        return Postcode().IsMatch(lines[^1])
            ? null
            : $"The address's last line, '{lines[^1]}', is not a UK postcode: put the postcode on its own last line.";
    }

    // The shape of a UK postcode (outward code, a space or none, inward code), not a check that it exists.
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
