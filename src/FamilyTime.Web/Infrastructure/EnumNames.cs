namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Reads an enumeration by its name only. Enum.TryParse also takes numbers ("2") and lists ("1, 2"), which would
/// let a typing slip pick a legal status no one meant; a name always starts with a letter and has no comma.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text) && char.IsLetter(text[0]) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    public static T? Parse<T>(string? value) where T : struct, Enum => TryParse<T>(value, out var parsed) ? parsed : null;
}
