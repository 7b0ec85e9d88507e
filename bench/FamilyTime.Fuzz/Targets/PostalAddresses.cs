using FamilyTime.Domain.Notifications;
using FamilyTime.Domain.Rota;

namespace FamilyTime.Fuzz.Targets;

/// <summary>
/// Addresses and postcodes as a worker types them: the first line is a name, the rest an address (commas and line
/// breaks), cut into the post's lines (<see cref="PostalAddress.Lines"/>) and judged (<see cref="PostalAddress.Problem"/>);
/// every line is also read as a postcode for its district (<see cref="PostcodeDistrict.Of"/>, the rota's travel).
/// Refusal allowed: a problem in words, or no district.
/// </summary>
internal static class PostalAddresses
{
    public static void Run(byte[] data)
    {
        var text = FuzzTargets.Text(data);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var (name, address) = newline < 0 ? (text, null) : (text[..newline], text[(newline + 1)..]);
        var lines = PostalAddress.Lines(name, address);
        if (lines.Count > PostalAddress.MaxLines)
        {
            throw new InvalidOperationException($"PostalAddress.Lines gave {lines.Count} lines.");
        }
        _ = PostalAddress.Problem(lines);
        foreach (var line in text.Split('\n'))
        {
            _ = PostcodeDistrict.Of(line);
        }
    }
}
