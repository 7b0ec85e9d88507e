using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FamilyTime.Domain.Audit;

/// <summary>The hash chain over audit entries: SHA-256 of the previous hash and every field of the entry.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry e)
    {
        // Each field is written as "length:value", so no value, whatever characters it holds, can shift into the next.
        var canonical = string.Concat(new[]
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            e.UserId,
            e.UserName,
            ((int)e.Action).ToString(CultureInfo.InvariantCulture),
            e.RecordType,
            e.RecordId.ToString("N"),
            e.ChildId?.ToString("N") ?? "",
            e.Changes ?? "",
            e.PreviousHash,
        }.Select(field => $"{field.Length.ToString(CultureInfo.InvariantCulture)}:{field}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Walks entries in sequence order and returns the sequence number of the first one that does not fit the
    /// chain (altered, inserted, or following a removed entry), or null when the chain is intact.
    /// </summary>
    public static long? FirstBreak(IEnumerable<AuditEntry> entriesInOrder)
    {
        var expectedPrevious = Genesis;
        var expectedSequence = 1L;
        foreach (var e in entriesInOrder)
        {
            if (e.Sequence != expectedSequence || e.PreviousHash != expectedPrevious || HashOf(e) != e.Hash)
            {
                return e.Sequence;
            }
            expectedPrevious = e.Hash;
            expectedSequence++;
        }
        return null;
    }
}
