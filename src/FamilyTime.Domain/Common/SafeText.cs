namespace FamilyTime.Domain.Common;

/// <summary>
/// Characters no name or note needs and that can mislead whoever reads it: control characters (NUL, escape, a
/// vertical tab pasted from a word processor; tab and line breaks are kept) and the Unicode marks that embed, override
/// or isolate the direction of text (U+202A–U+202E, U+2066–U+2069: the "Trojan Source" set), which can make a name or
/// a note display as something other than what is stored. Right-to-left text itself (Arabic, Urdu, Hebrew) is welcome;
/// it needs none of these.
/// </summary>
public static class SafeText
{
    /// <summary>The first unwanted character in <paramref name="value"/>, or null when there is none.</summary>
    public static char? FirstUnsafe(string? value)
    {
        if (value is null)
        {
            return null;
        }
        foreach (var c in value)
        {
            if (IsUnsafe(c))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>The text without its unwanted characters (the same instance when it has none).</summary>
    public static string? WithoutUnsafe(string? value) =>
        FirstUnsafe(value) is null ? value : string.Concat(value!.Where(c => !IsUnsafe(c)));

    /// <summary>How the character is named to the person who must take it out, e.g. "U+202E".</summary>
    public static string Describe(char c) => $"U+{(int)c:X4}";

    /// <summary>The earliest and latest dates the service takes (a birth in 1900, a review planned into the 2100s).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    public static bool IsSaneDate(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    private static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
