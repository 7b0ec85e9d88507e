namespace FamilyTime.Domain.Common;

internal static class Text
{
    /// <summary>Trims input and turns blank into null, so "  " is never stored as a value.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
