namespace FamilyTime.Domain.Accounts;

/// <summary>The simple checks an invitation's address must pass before a message is queued to it.</summary>
public static class InvitationAddress
{
    public static bool IsEmail(string? value) =>
        value is { Length: <= 200 } v && v.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < v.Length - 3 && v.IndexOf('.', at) > at + 1 && !v.Any(char.IsWhiteSpace);

    /// <summary>A UK mobile: 07… with 11 digits, or +447… with 12, spaces allowed.</summary>
    public static bool IsMobile(string? value)
    {
        if (value is null || value.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+')))
        {
            return false;
        }
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return (value.StartsWith("07", StringComparison.Ordinal) && digits.Length == 11)
            || (value.StartsWith("+447", StringComparison.Ordinal) && digits.Length == 12);
    }
}
