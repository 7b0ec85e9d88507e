namespace FamilyTime.Domain.Common;

/// <summary>Text as the service stores it; the web layer cleans configuration and contact details the same way.</summary>
public static class Text
{
    /// <summary>Trims input and turns blank into null, so "  " is never stored as a value.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
