using FamilyTime.Fuzz.Targets;

namespace FamilyTime.Fuzz;

/// <summary>
/// Every target by the name afl is run with. A target's contract: any input may be refused by the parser's own
/// validation (an error message, a null, a "not a week" answer) or by the exception the app turns into a clear 400
/// (<see cref="System.Text.Json.JsonException"/> for a body); anything else escapes, and SharpFuzz reports it to afl as
/// a crash. A hang is afl's own timeout.
/// </summary>
internal static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["json-bodies"] = JsonBodies.Run,
        ["dates-weeks"] = DatesAndWeeks.Run,
        ["form-fields"] = FormFields.Run,
        ["calendar-token"] = CalendarToken.Run,
        ["postal-address"] = PostalAddresses.Run,
        ["home-guard"] = FreeTextGuards.Run,
    };

    /// <summary>The input as text, as Kestrel would hand it on: invalid UTF-8 becomes U+FFFD.</summary>
    public static string Text(byte[] data) => System.Text.Encoding.UTF8.GetString(data);

    /// <summary>The input cut at newlines into at least <paramref name="count"/> parts (missing ones empty).</summary>
    public static string[] Parts(byte[] data, int count)
    {
        var parts = Text(data).Split('\n');
        return parts.Length >= count ? parts : [.. parts, .. Enumerable.Repeat("", count - parts.Length)];
    }
}
