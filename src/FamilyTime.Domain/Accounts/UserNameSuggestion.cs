using System.Globalization;
using System.Text;

namespace FamilyTime.Domain.Accounts;

/// <summary>Suggests a user name from a person's name: "Jo Bloggs" → "jo.bloggs", letters and digits only.</summary>
public static class UserNameSuggestion
{
    public static string From(string? name)
    {
        var plain = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var parts = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var suggestion = parts.Length switch
        {
            0 => "family",
            1 => parts[0],
            _ => $"{parts[0]}.{parts[^1]}",
        };
        return suggestion.Length > 40 ? suggestion[..40] : suggestion;
    }
}
